package dev.aivj.audioio;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

/**
 * Reads a provider's PCM stream to interleaved floats and checks the result against the probed
 * container: the duration limit, runaway output beyond the declared length or after end of file,
 * truncation, and the sample rate. Providers do not detect these on corrupt data themselves.
 */
final class GuardedPcmReader {
    private final Path file;
    private final ContainerProbe.Probe probe;
    private final AudioFileDecoder.Limits limits;
    private final DecodeProgress progress;

    GuardedPcmReader(Path file, ContainerProbe.Probe probe, AudioFileDecoder.Limits limits,
                     DecodeProgress progress) {
        this.file = file;
        this.probe = probe;
        this.limits = limits;
        this.progress = progress;
    }

    private AudioDecodeException fail(String reason) {
        return new AudioDecodeException(file, reason);
    }

    DecodedAudio read(AudioInputStream pcm) throws Exception {
        String label = DecodeMessages.label(probe.format());
        AudioFormat f = pcm.getFormat();
        int channels = f.getChannels();
        int rate = Math.round(f.getSampleRate());
        int bits = f.getSampleSizeInBits();
        int bytesPerSample = (bits + 7) / 8;
        if (channels <= 0 || rate <= 0 || bits <= 0 || !PcmSourceOpener.isPcm(f.getEncoding())) {
            throw fail("unsupported " + label + " sample format (" + f + ")");
        }
        int frameSize = f.getFrameSize() > 0 ? f.getFrameSize() : channels * bytesPerSample;
        if (frameSize != channels * bytesPerSample) {
            throw fail("unsupported " + label + " sample layout (" + f + ")");
        }
        PcmSampleConverter conv = PcmSampleConverter.of(f.getEncoding(), bits, f.isBigEndian());
        if (conv == null) {
            throw fail("unsupported " + label + " sample format (" + bits + "-bit "
                    + f.getEncoding() + ")");
        }
        long maxFrames = (long) Math.floor(limits.maxDurationSeconds() * rate) + 1;
        long expected = probe.expectedFrames();
        // Runaway guard: a decoder must not produce much more than the container declares.
        long cap = expected > 0 ? expected + Math.max(2L * rate, expected / 20) : Long.MAX_VALUE;
        long afterEofCap = 10L * rate; // frames allowed after the file has been fully read

        float[] out = new float[(int) Math.min(Integer.MAX_VALUE - 16,
                Math.max(channels * 65_536L, expected > 0 ? (expected + rate) * channels : channels * (long) rate * 60))];
        int n = 0;
        byte[] buf = new byte[frameSize * 8192];
        long framesAtEof = -1;
        int zeroReads = 0;
        while (true) {
            progress.checkCancelled();
            int r = pcm.read(buf, 0, buf.length);
            if (r < 0) {
                break;
            }
            if (r == 0) {
                if (++zeroReads > 10_000) {
                    throw fail(label + " decoder stalled (no data): corrupt data");
                }
                continue;
            }
            zeroReads = 0;
            int frames = r / frameSize;
            long total = n / channels + (long) frames;
            if (total > maxFrames) {
                throw DecodeMessages.tooLong(file, (double) total / rate, limits);
            }
            if (total > cap) {
                throw fail(String.format(Locale.ROOT,
                        "corrupt %s data (decoder produced more audio than the file declares: %.1f s > %.1f s)",
                        label, (double) total / rate, (double) expected / rate));
            }
            if (progress.eof) {
                if (framesAtEof < 0) {
                    framesAtEof = total;
                } else if (total - framesAtEof > afterEofCap) {
                    throw fail("corrupt " + label + " data (decoder output does not end)");
                }
            }
            int need = n + frames * channels;
            if (need > out.length) {
                long grow = Math.max(need, (long) out.length * 3 / 2);
                if (grow > Integer.MAX_VALUE - 16) {
                    throw DecodeMessages.tooLong(file, (double) total / rate, limits);
                }
                out = Arrays.copyOf(out, (int) grow);
            }
            conv.convert(buf, frames * channels, out, n);
            n = need;
            progress.framesDecoded = total;
        }
        long frames = n / channels;
        if (expected > 0) {
            long tolerance = Math.max(8192, expected / 100);
            if (frames < expected - tolerance) {
                throw fail(String.format(Locale.ROOT,
                        "truncated or corrupt %s data (decoded %.2f s of %.2f s)",
                        label, (double) frames / rate, (double) expected / rate));
            }
        }
        if (frames == 0) {
            throw fail(label + " file contains no decodable audio");
        }
        if (rate != probe.sampleRate() && !probe.format().equals(ContainerProbe.MP3)) {
            throw fail("corrupt " + label + " data (sample rate mismatch)");
        }
        return new DecodedAudio(n == out.length ? out : Arrays.copyOf(out, n), channels, rate, probe.format());
    }
}
