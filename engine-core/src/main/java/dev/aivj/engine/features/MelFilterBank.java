package dev.aivj.engine.features;

/**
 * Triangular mel filters on the HTK mel scale (mel = 2595·log10(1 + f/700)), each normalised to unit area so a
 * band's output is its mean power density, and the log of it in dB with a floor.
 */
public final class MelFilterBank {
    private final int bands;
    private final int[] firstBin;
    private final float[][] weights;
    private final double[] centreHz;
    private final float floorDb;

    public MelFilterBank(int bands, double minHz, double maxHz, int fftSize, int sampleRate, double floorDb) {
        this.bands = bands;
        this.firstBin = new int[bands];
        this.weights = new float[bands][];
        this.centreHz = new double[bands];
        this.floorDb = (float) floorDb;
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
            weights[b] = w;
        }
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
            float[] w = weights[b];
            int from = firstBin[b];
            double sum = 0;
            for (int i = 0; i < w.length; i++) {
                sum += power[from + i] * w[i];
            }
            double db = sum > 0 ? 10.0 * Math.log10(sum) : floorDb;
            out[offset + b] = (float) Math.max(floorDb, db);
        }
    }

    static double hzToMel(double hz) {
        return 2595.0 * Math.log10(1.0 + hz / 700.0);
    }

    static double melToHz(double mel) {
        return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
    }
}
