package dev.aivj.engine.features;

import dev.aivj.engine.AnalysisSettings;

/**
 * Triangular mel filters on the HTK mel scale (mel = 2595·log10(1 + f/700)), each normalised to unit area so a
 * band's output is its mean power density, and the log of it in dB with a floor.
 */
public final class MelFilterBank {
    private final int bands;
    private final int[] firstBin;
    /** Band b's non-zero weights, for bins firstBin[b] on, are weights[weightStart[b] .. weightStart[b+1]). */
    private final int[] weightStart;
    private final float[] weights;
    private final double[] centreHz;
    private final float floorDb;
    /** Power at or below which the dB value is the floor, so no logarithm is needed there. */
    private final double floorPower;

    public MelFilterBank(int bands, double minHz, double maxHz, int fftSize, int sampleRate, double floorDb) {
        this.bands = bands;
        this.firstBin = new int[bands];
        this.weightStart = new int[bands + 1];
        float[][] rows = new float[bands][];
        this.centreHz = new double[bands];
        this.floorDb = (float) floorDb;
        this.floorPower = Math.pow(10.0, floorDb / 10.0);
        double minMel = hzToMel(minHz);
        double maxMel = hzToMel(maxHz);
        double[] edges = new double[bands + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = melToHz(minMel + (maxMel - minMel) * i / (bands + 1));
        }
        double binHz = (double) sampleRate / fftSize;
        int maxBin = fftSize / 2;
        for (int b = 0; b < bands; b++) {
            double lo = edges[b];
            double mid = edges[b + 1];
            double hi = edges[b + 2];
            centreHz[b] = mid;
            int from = Math.max(0, (int) Math.ceil(lo / binHz));
            int to = Math.min(maxBin, (int) Math.floor(hi / binHz));
            double norm = 2.0 / (hi - lo);
            float[] w = new float[Math.max(0, to - from + 1)];
            for (int k = from; k <= to; k++) {
                double f = k * binHz;
                double tri = f <= mid ? (f - lo) / (mid - lo) : (hi - f) / (hi - mid);
                w[k - from] = (float) (Math.max(0.0, tri) * norm);
            }
            firstBin[b] = from;
            rows[b] = w;
            weightStart[b + 1] = weightStart[b] + w.length;
        }
        this.weights = new float[weightStart[bands]];
        for (int b = 0; b < bands; b++) {
            System.arraycopy(rows[b], 0, weights, weightStart[b], rows[b].length);
        }
    }

    /** The bank of the analysis contract ({@link AnalysisSettings}): the model's input. */
    public static MelFilterBank forAnalysis() {
        return new MelFilterBank(AnalysisSettings.MEL_BANDS, AnalysisSettings.MEL_MIN_HZ, AnalysisSettings.MEL_MAX_HZ,
                AnalysisSettings.FFT_SIZE, AnalysisSettings.SAMPLE_RATE, AnalysisSettings.LOG_FLOOR_DB);
    }

    public int bands() {
        return bands;
    }

    public double centreHz(int band) {
        return centreHz[band];
    }

    /** Writes the dB mel energies of one power spectrum into {@code out[offset .. offset+bands)}. */
    public void applyLogDb(float[] power, float[] out, int offset) {
        for (int b = 0; b < bands; b++) {
            int bin = firstBin[b] - weightStart[b]; // power index = weight index + bin
            double sum = 0;
            for (int i = weightStart[b]; i < weightStart[b + 1]; i++) {
                sum += power[bin + i] * weights[i];
            }
            out[offset + b] = sum <= floorPower ? floorDb : (float) Math.max(floorDb, 10.0 * Math.log10(sum));
        }
    }

    static double hzToMel(double hz) {
        return 2595.0 * Math.log10(1.0 + hz / 700.0);
    }

    static double melToHz(double mel) {
        return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
    }
}
