package dev.aivj.bench;

import java.util.Arrays;
import java.util.List;

/** Median and 95th percentile of repeated timings (nearest-rank: p95 is a value that was really measured). */
public record Stats(int runs, double median, double p95) {

    public static Stats of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to summarise");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        int rank = (int) Math.ceil(0.95 * n); // 1-based nearest rank
        return new Stats(n, median, sorted[Math.max(0, rank - 1)]);
    }

    public static Stats of(List<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
