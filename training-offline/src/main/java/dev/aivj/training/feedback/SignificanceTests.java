package dev.aivj.training.feedback;

/**
 * The A/B report's two tests: Welch's t-test on two samples of ratings (unequal variances; with Cohen's d over the
 * pooled standard deviation as the effect size) and the two-proportion z-test on hit rates (pooled proportion).
 * Both p-values are two-sided.
 */
public final class SignificanceTests {
    private SignificanceTests() {
    }

    /** Welch's t of a − b, its degrees of freedom, two-sided p, and Cohen's d. */
    public record Welch(double t, double df, double p, double cohensD) {
    }

    /** z of p₁ − p₂ and its two-sided p. */
    public record TwoProportions(double z, double p) {
    }

    public static Welch welch(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            throw new IllegalArgumentException("Welch's t-test needs at least 2 values in each sample");
        }
        double ma = mean(a);
        double mb = mean(b);
        double va = variance(a, ma);
        double vb = variance(b, mb);
        double sa = va / a.length;
        double sb = vb / b.length;
        double pooled = Math.sqrt(((a.length - 1) * va + (b.length - 1) * vb) / (a.length + b.length - 2));
        double d = pooled > 0 ? (ma - mb) / pooled : 0;
        if (sa + sb == 0) {
            // Both samples constant: no spread to test against; equal means are no evidence, unequal ones total.
            return new Welch(ma == mb ? 0 : Math.copySign(Double.POSITIVE_INFINITY, ma - mb), a.length + b.length - 2,
                    ma == mb ? 1 : 0, d);
        }
        double t = (ma - mb) / Math.sqrt(sa + sb);
        double df = (sa + sb) * (sa + sb) / (sa * sa / (a.length - 1) + sb * sb / (b.length - 1));
        return new Welch(t, df, StudentT.twoSidedP(t, df), d);
    }

    public static TwoProportions twoProportions(int hitsA, int nA, int hitsB, int nB) {
        if (nA == 0 || nB == 0) {
            throw new IllegalArgumentException("the z-test needs at least one trial in each group");
        }
        double pa = (double) hitsA / nA;
        double pb = (double) hitsB / nB;
        double p = (double) (hitsA + hitsB) / (nA + nB);
        double se = Math.sqrt(p * (1 - p) * (1.0 / nA + 1.0 / nB));
        if (se == 0) {
            return new TwoProportions(0, 1);
        }
        double z = (pa - pb) / se;
        return new TwoProportions(z, StudentT.normalTwoSidedP(z));
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double variance(double[] v, double mean) {
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return s / (v.length - 1);
    }
}
