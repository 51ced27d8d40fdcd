package dev.aivj.engine.audio;

/**
 * Band-limited resampling by a Blackman-windowed sinc kernel, precomputed as a polyphase table.
 *
 * <p>For a rate pair whose reduced ratio needs at most {@link #MAX_PHASES} phases (every common rate pair,
 * e.g. 44100→22050: 1 phase, 48000→22050: 147) the table is exact; otherwise the nearest of MAX_PHASES phases
 * is used, a timing error below 1/8192 of a sample. The cut-off sits at 94% of the lower Nyquist frequency and
 * every phase is normalised to unit DC gain, so a DC offset survives resampling unchanged.
 */
public final class Resampler {
    private static final int MAX_PHASES = 4096;
    private static final int ZERO_CROSSINGS = 12;
    private static final double ROLLOFF = 0.94;

    private final int inputRate;
    private final int outputRate;
    private final long up;
    private final long down;
    private final int phases;
    private final int taps;
    private final float[] table;

    public Resampler(int inputRate, int outputRate) {
        if (inputRate <= 0 || outputRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive");
        }
        this.inputRate = inputRate;
        this.outputRate = outputRate;
        long g = gcd(inputRate, outputRate);
        this.up = outputRate / g;
        this.down = inputRate / g;
        this.phases = (int) Math.min(up, MAX_PHASES);
        // Cut-off in cycles per input sample.
        double cutoff = 0.5 * ROLLOFF * Math.min(1.0, (double) outputRate / inputRate);
        double halfLength = ZERO_CROSSINGS / (2.0 * cutoff);
        this.taps = 2 * (int) Math.ceil(halfLength);
        this.table = buildTable(cutoff, halfLength);
    }

    public float[] process(float[] input) {
        if (inputRate == outputRate) {
            return input.clone();
        }
        int outLength = (int) ((long) (input.length - 1) * up / down) + 1;
        float[] out = new float[outLength];
        int half = taps / 2;
        for (int n = 0; n < outLength; n++) {
            long pos = n * down; // input position n·down/up, in units of 1/up samples
            int base = (int) (pos / up);
            int phase = phaseIndex(pos % up);
            int offset = phase * taps;
            int first = base - half + 1;
            double acc = 0;
            int kStart = Math.max(0, -first);
            int kEnd = Math.min(taps, input.length - first);
            for (int k = kStart; k < kEnd; k++) {
                acc += input[first + k] * table[offset + k];
            }
            out[n] = (float) acc;
        }
        return out;
    }

    private int phaseIndex(long remainder) {
        if (phases == up) {
            return (int) remainder;
        }
        return (int) ((remainder * phases + up / 2) / up) % phases;
    }

    private float[] buildTable(double cutoff, double halfLength) {
        float[] t = new float[phases * taps];
        int half = taps / 2;
        for (int p = 0; p < phases; p++) {
            double frac = (double) p / phases;
            double sum = 0;
            double[] row = new double[taps];
            for (int k = 0; k < taps; k++) {
                double x = k - half + 1 - frac;
                row[k] = kernel(x, cutoff, halfLength);
                sum += row[k];
            }
            for (int k = 0; k < taps; k++) {
                t[p * taps + k] = (float) (row[k] / sum);
            }
        }
        return t;
    }

    private static double kernel(double x, double cutoff, double halfLength) {
        double u = x / halfLength;
        if (u <= -1.0 || u >= 1.0) {
            return 0.0;
        }
        double window = 0.42 + 0.5 * Math.cos(Math.PI * u) + 0.08 * Math.cos(2 * Math.PI * u);
        double arg = 2 * cutoff * x;
        double sinc = arg == 0 ? 1.0 : Math.sin(Math.PI * arg) / (Math.PI * arg);
        return 2 * cutoff * sinc * window;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return a;
    }
}
