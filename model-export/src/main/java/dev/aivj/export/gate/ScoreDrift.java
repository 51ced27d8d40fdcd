package dev.aivj.export.gate;

/**
 * How far a candidate's score distribution moved from the current model's on the same pack: the KL divergence
 * D(candidate ‖ current) between their histograms of quality over {@value #BINS} equal bins of 0..1, each bin
 * smoothed by {@value #EPSILON} so an empty bin of the current model does not make it infinite.
 */
public final class ScoreDrift {
    public static final int BINS = 20;
    public static final double EPSILON = 1e-4;
    /** The release gate's line. */
    public static final double LIMIT = 0.1;

    private ScoreDrift() {
    }

    public static double kl(double[] candidate, double[] current) {
        double[] p = histogram(candidate);
        double[] q = histogram(current);
        double d = 0;
        for (int i = 0; i < BINS; i++) {
            d += p[i] * Math.log(p[i] / q[i]);
        }
        return Math.max(0, d);
    }

    public static double[] histogram(double[] scores) {
        double[] h = new double[BINS];
        for (double s : scores) {
            h[Math.min(BINS - 1, Math.max(0, (int) (s * BINS)))]++;
        }
        double total = scores.length + BINS * EPSILON;
        for (int i = 0; i < BINS; i++) {
            h[i] = (h[i] + EPSILON) / total;
        }
        return h;
    }
}
