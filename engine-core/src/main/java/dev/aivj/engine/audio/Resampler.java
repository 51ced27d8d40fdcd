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
    /** Integer decimation's symmetric kernel by distance from the centre, else null ({@link #foldedTable}). */
    private final float[] folded;

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
        this.folded = foldedTable();
    }

    /** The kernel's length in input samples. */
    int taps() {
        return taps;
    }

    /** Output samples per {@link #down()} input samples (the reduced rate ratio). */
    long up() {
        return up;
    }

    long down() {
        return down;
    }

    public float[] process(float[] input) {
        if (inputRate == outputRate) {
            return input.clone();
        }
        int outLength = (int) ((long) (input.length - 1) * up / down) + 1;
        float[] out = new float[outLength];
        if (folded != null) {
            decimateSymmetric(input, out);
            return out;
        }
        int half = taps / 2;
        int step = (int) (down / up);
        int stepRemainder = (int) (down % up);
        int base = 0; // input position of output n is base + remainder/up, kept incrementally (no long division)
        int remainder = 0;
        for (int n = 0; n < outLength; n++) {
            int first = base - half + 1;
            int offset = phaseIndex(remainder) * taps;
            out[n] = first >= 0 && first + taps <= input.length ? dot(input, first, table, offset, taps)
                    : edgeDot(input, first, offset);
            base += step;
            remainder += stepRemainder;
            if (remainder >= up) {
                remainder -= (int) up;
                base++;
            }
        }
        return out;
    }

    /** Σ x[first+k]·h[offset+k], k &lt; taps; four running sums so the adds need not wait for each other. */
    private static float dot(float[] x, int first, float[] h, int offset, int taps) {
        float a0 = 0;
        float a1 = 0;
        float a2 = 0;
        float a3 = 0;
        int k = 0;
        for (; k + 4 <= taps; k += 4) {
            a0 += x[first + k] * h[offset + k];
            a1 += x[first + k + 1] * h[offset + k + 1];
            a2 += x[first + k + 2] * h[offset + k + 2];
            a3 += x[first + k + 3] * h[offset + k + 3];
        }
        for (; k < taps; k++) {
            a0 += x[first + k] * h[offset + k];
        }
        return (a0 + a1) + (a2 + a3);
    }

    /** The dot product near the signal's ends, where the window reaches past it (zeros there). */
    private float edgeDot(float[] x, int first, int offset) {
        float acc = 0;
        int kStart = Math.max(0, -first);
        int kEnd = Math.min(taps, x.length - first);
        for (int k = kStart; k < kEnd; k++) {
            acc += x[first + k] * table[offset + k];
        }
        return acc;
    }

    /**
     * Integer decimation (one phase, e.g. 44100→22050): the kernel is symmetric about the output's input sample
     * c = n·down, so each coefficient multiplies x[c−j] + x[c+j] once, halving the multiplies.
     */
    private void decimateSymmetric(float[] x, float[] out) {
        int step = (int) down;
        int reach = folded.length - 1;
        for (int n = 0; n < out.length; n++) {
            int c = n * step;
            out[n] = c - reach < 0 || c + reach >= x.length ? edgeDot(x, c - taps / 2 + 1, 0) : symmetricDot(x, c);
        }
    }

    /**
     * One output of {@link #decimateSymmetric} away from the ends. A call per output, like {@link #dot}: V8 has no
     * on-stack replacement for Wasm, so a loop that runs inside one long call keeps its first, unoptimised code.
     */
    private float symmetricDot(float[] x, int c) {
        int reach = folded.length - 1;
        // Four running sums so the adds need not wait for each other.
        float a0 = folded[0] * x[c];
        float a1 = 0;
        float a2 = 0;
        float a3 = 0;
        int j = 1;
        for (; j + 4 <= reach + 1; j += 4) {
            a0 += folded[j] * (x[c - j] + x[c + j]);
            a1 += folded[j + 1] * (x[c - j - 1] + x[c + j + 1]);
            a2 += folded[j + 2] * (x[c - j - 2] + x[c + j + 2]);
            a3 += folded[j + 3] * (x[c - j - 3] + x[c + j + 3]);
        }
        for (; j <= reach; j++) {
            a0 += folded[j] * (x[c - j] + x[c + j]);
        }
        return (a0 + a1) + (a2 + a3);
    }

    /**
     * The one-phase table as coefficients h[0..reach] by distance from the centre tap, or {@code null} where it is
     * not one exactly symmetric phase (the table's last tap lies at distance taps/2, outside the kernel, so it is 0).
     */
    private float[] foldedTable() {
        if (phases != 1 || up != 1) {
            return null;
        }
        int centre = taps / 2 - 1;
        if (table[taps - 1] != 0f) {
            return null;
        }
        float[] h = new float[centre + 1];
        for (int j = 0; j <= centre; j++) {
            if (table[centre - j] != table[centre + j]) {
                return null;
            }
            h[j] = table[centre + j];
        }
        return h;
    }

    private int phaseIndex(int remainder) {
        if (phases == up) {
            return remainder;
        }
        return (int) (((long) remainder * phases + up / 2) / up) % phases;
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
