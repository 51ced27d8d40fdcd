package dev.aivj.engine.model;

/**
 * The model's input normalisation, (logMelDb − mean[band]) / std[band], with per-band statistics of the training
 * set stored in the bundle. Training normalises its patches with this same class, so both sides agree exactly.
 */
public final class MelNormalizer {
    private final float[] mean;
    private final float[] std;

    public MelNormalizer(float[] mean, float[] std) {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("mean and std need one value per band");
        }
        for (int b = 0; b < std.length; b++) {
            if (!(std[b] > 0) || Float.isInfinite(std[b])) {
                throw new IllegalArgumentException("std of band " + b + " must be positive, is " + std[b]);
            }
        }
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /** A fixed normalisation before the training set's statistics exist: (dB + 50) / 50 for every band. */
    public static MelNormalizer fixed(int bands) {
        float[] m = new float[bands];
        float[] s = new float[bands];
        java.util.Arrays.fill(m, -50f);
        java.util.Arrays.fill(s, 50f);
        return new MelNormalizer(m, s);
    }

    public int bands() {
        return mean.length;
    }

    public float[] mean() {
        return mean.clone();
    }

    public float[] std() {
        return std.clone();
    }

    /** A normalised copy of {@code frames} frame-major frames of log-mel starting at {@code offset}. */
    public float[] normalize(float[] logMel, int offset, int frames) {
        int bands = mean.length;
        float[] out = new float[frames * bands];
        for (int t = 0; t < frames; t++) {
            for (int b = 0; b < bands; b++) {
                out[t * bands + b] = (logMel[offset + t * bands + b] - mean[b]) / std[b];
            }
        }
        return out;
    }
}
