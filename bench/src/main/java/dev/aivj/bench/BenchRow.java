package dev.aivj.bench;

/**
 * One line of the bench table: a measure of one runtime on one song. {@code firstMs} is the cold first call
 * (NaN where not measured separately); {@code baselineMs} is the HotSpot median of the same measure (NaN: no
 * ratio); {@code unit} is "ms" unless the measure is a size.
 */
public record BenchRow(String song, String runtime, String measure, double firstMs, Stats stats, double baselineMs,
        String unit) {

    public BenchRow(String song, String runtime, String measure, double firstMs, Stats stats, double baselineMs) {
        this(song, runtime, measure, firstMs, stats, baselineMs, "ms");
    }

    /** median / HotSpot median, NaN without a baseline. */
    public double ratio() {
        return Double.isNaN(baselineMs) || baselineMs <= 0 ? Double.NaN : stats.median() / baselineMs;
    }
}
