package dev.aivj.training.pairs;

import java.util.Arrays;

/**
 * {@code qualityStats} of {@code pairs-quality.v0.json}. Computed by {@link #of(double[])} the way numpy does by
 * default, so the numbers agree with the team's Python:
 * <ul>
 * <li>{@code std}: population standard deviation, √(Σ(x − mean)² / n) — numpy's {@code np.std(x)}, ddof = 0;</li>
 * <li>{@code p50}, {@code p95}: percentiles by linear interpolation between order statistics — numpy's
 *     {@code np.percentile(x, q)} default ("linear", Hyndman &amp; Fan type 7): sort x ascending into
 *     x[0..n−1], let h = (n − 1)·q/100, and take x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). So p50 is the usual
 *     median (mean of the middle two for even n) and p95 of 0..100 in steps of 1 is 95;</li>
 * <li>{@code min}, {@code max}: smallest and largest value.</li>
 * </ul>
 */
public record QualityStats(double std, double p50, double p95, double min, double max) {
    /** The team's hard gate: a model whose quality scores have a smaller spread has collapsed. */
    public static final double MIN_STD = 0.03;

    public static QualityStats of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no quality values");
        }
        double[] x = values.clone();
        Arrays.sort(x);
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return new QualityStats(Math.sqrt(ss / x.length), percentile(x, 50), percentile(x, 95), x[0],
                x[x.length - 1]);
    }

    /** Linear-interpolation percentile (numpy default) of ascending {@code sorted}, {@code q} in [0, 100]. */
    public static double percentile(double[] sorted, double q) {
        if (sorted.length == 0 || !(q >= 0 && q <= 100)) {
            throw new IllegalArgumentException("percentile " + q + " of " + sorted.length + " values");
        }
        double h = (sorted.length - 1) * q / 100.0;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    /** Whether these stats pass the team's gate, {@code std >= 0.03}. */
    public boolean passesGate() {
        return std >= MIN_STD;
    }
}
