package dev.aivj.training.feedback;

/**
 * A sample's mean with its 95 % Student-t confidence interval (mean ± t₀.₉₇₅,n−1 · s/√n): the simulation's numbers
 * over seeds. With one value the interval is the value itself (no spread to estimate).
 */
public record MeanInterval(double mean, double low, double high, int n) {
    public static MeanInterval of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new MeanInterval(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        if (n == 1) {
            return new MeanInterval(mean, mean, mean, 1);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double half = StudentT.quantile(0.975, n - 1) * Math.sqrt(ss / (n - 1) / n);
        return new MeanInterval(mean, mean - half, mean + half, n);
    }

    /** Whether the whole interval lies above zero (a lift that is there at 95 %). */
    public boolean aboveZero() {
        return low > 0;
    }

    /** "0.123 [0.100, 0.146]" with {@code digits} decimals. */
    public String format(int digits) {
        String f = "%." + digits + "f";
        return String.format(java.util.Locale.ROOT, f + " [" + f + ", " + f + "]", mean, low, high);
    }
}
