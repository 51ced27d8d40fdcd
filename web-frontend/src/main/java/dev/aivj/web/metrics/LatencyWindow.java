package dev.aivj.web.metrics;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/** The last {@code capacity} latencies (ms) and their nearest-rank percentiles. Not thread-safe: callers lock. */
final class LatencyWindow {
    private final int capacity;
    private final Deque<Double> values = new ArrayDeque<>();

    LatencyWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        this.capacity = capacity;
    }

    void add(double ms) {
        if (values.size() == capacity) {
            values.removeFirst();
        }
        values.addLast(ms);
    }

    void clear() {
        values.clear();
    }

    int size() {
        return values.size();
    }

    boolean full() {
        return values.size() == capacity;
    }

    /** Nearest-rank percentile (0 < q <= 1) of the values in the window; NaN when empty. */
    double percentile(double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
