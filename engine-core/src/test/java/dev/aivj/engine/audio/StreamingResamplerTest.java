package dev.aivj.engine.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Streamed in chunks of any size, the resampler gives the whole signal's output sample for sample. */
class StreamingResamplerTest {
    @ParameterizedTest
    @CsvSource({"44100, 22050", "48000, 22050", "22050, 22050", "32000, 22050", "96000, 22050", "11025, 22050"})
    void chunkedOutputEqualsTheWholeSignals(int from, int to) {
        Random r = new Random(from);
        float[] signal = new float[(int) (7.3 * from)];
        for (int i = 0; i < signal.length; i++) {
            signal[i] = (float) (0.5 * Math.sin(i * 0.01) + 0.2 * r.nextGaussian());
        }
        float[] whole = new Resampler(from, to).process(signal);
        for (int chunk : new int[] {1, 777, 4096, 50_000, signal.length}) {
            StreamingResampler streaming = new StreamingResampler(from, to);
            float[] out = new float[0];
            for (int start = 0; start < signal.length; start += chunk) {
                out = concat(out, streaming.push(Arrays.copyOfRange(signal, start, Math.min(signal.length, start + chunk))));
            }
            out = concat(out, streaming.finish());
            assertEquals(whole.length, out.length, "length, chunk " + chunk);
            for (int i = 0; i < whole.length; i++) {
                assertEquals(whole[i], out[i], 1e-6, "sample " + i + " of " + from + "→" + to + ", chunk " + chunk);
            }
        }
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
