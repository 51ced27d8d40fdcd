package dev.aivj.engine.audio;

import java.util.Arrays;

/**
 * {@link Resampler} over a stream of any length in bounded memory, giving the whole-signal output sample for
 * sample. Input is cut into blocks of whole periods of the rate ratio ({@code down} input samples make {@code up}
 * outputs), each resampled with {@code pad} samples of context on both sides (zeros before the stream's start and
 * after its end, as the whole-signal edges): the kernel then sees exactly what it would see in the whole signal.
 */
public final class StreamingResampler {
    private static final int PERIODS_PER_BLOCK_MIN = 4096; // input samples per block, at least: few, long blocks

    private final Resampler resampler;
    private final int block;
    private final int pad;
    private final int outPerBlock;
    private final int outPad;
    /** Input from absolute sample {@code blockStart − pad} on (zeros before the stream's start). */
    private float[] buffer;
    private int buffered;
    private long received;
    private long emitted;

    public StreamingResampler(int inputRate, int outputRate) {
        this.resampler = new Resampler(inputRate, outputRate);
        int down = (int) resampler.down();
        int up = (int) resampler.up();
        this.block = down * Math.max(1, (PERIODS_PER_BLOCK_MIN + down - 1) / down);
        this.pad = down * ((resampler.taps() / 2 + 1 + down - 1) / down);
        this.outPerBlock = block / down * up;
        this.outPad = pad / down * up;
        this.buffer = new float[pad + block + pad];
        this.buffered = pad; // the zeros before the stream's start
    }

    /** Appends input; returns the outputs now complete (possibly none). */
    public float[] push(float[] input) {
        float[] out = new float[0];
        int at = 0;
        while (at < input.length) {
            int n = Math.min(input.length - at, buffer.length - buffered);
            System.arraycopy(input, at, buffer, buffered, n);
            buffered += n;
            at += n;
            received += n;
            if (buffered == buffer.length) {
                out = concat(out, emitBlock(outPerBlock));
            }
        }
        return out;
    }

    /** Ends the stream: the last outputs, up to the whole signal's length ((n − 1)·up/down + 1). */
    public float[] finish() {
        long total = received == 0 ? 0 : (received - 1) * resampler.up() / resampler.down() + 1;
        float[] out = new float[0];
        while (emitted < total) {
            Arrays.fill(buffer, buffered, buffer.length, 0f); // zeros after the stream's end
            buffered = buffer.length;
            out = concat(out, emitBlock((int) Math.min(outPerBlock, total - emitted)));
        }
        return out;
    }

    /** Resamples the full buffer's middle block and keeps the last 2·pad samples as the next block's context. */
    private float[] emitBlock(int count) {
        float[] all = resampler.process(buffer);
        float[] out = Arrays.copyOfRange(all, outPad, outPad + count);
        System.arraycopy(buffer, block, buffer, 0, 2 * pad);
        buffered = 2 * pad;
        emitted += count;
        return out;
    }

    private static float[] concat(float[] a, float[] b) {
        if (a.length == 0) {
            return b;
        }
        float[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
