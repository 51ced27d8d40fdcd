package dev.aivj.training.tempo;

/**
 * MIREX tempo-estimation accuracies for one song (Gouyon et al. 2006): Accuracy1 = the estimate is within 4 % of
 * the reference; Accuracy2 = also counting estimates within 4 % of 2, 1/2, 3 or 1/3 times the reference (the
 * octave and the triple/ternary errors).
 */
public final class MirexAccuracy {
    public static final double TOLERANCE = 0.04;
    private static final double[] FACTORS = {1.0, 2.0, 0.5, 3.0, 1.0 / 3.0};

    private MirexAccuracy() {
    }

    public static boolean accuracy1(double estimate, double reference) {
        return Math.abs(estimate - reference) <= TOLERANCE * reference;
    }

    public static boolean accuracy2(double estimate, double reference) {
        for (double f : FACTORS) {
            if (accuracy1(estimate, reference * f)) {
                return true;
            }
        }
        return false;
    }
}
