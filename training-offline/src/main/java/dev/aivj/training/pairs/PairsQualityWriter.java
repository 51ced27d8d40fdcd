package dev.aivj.training.pairs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes {@code pairs-quality.v0.json} in the team's exact form:
 * <code>{"pairs":[{"pair":N,"quality01":Q},...],"qualityStats":{"std":..,"p50":..,"p95":..,"min":..,"max":..}}</code>
 * (compact UTF-8 with a final newline, written atomically).
 *
 * <p>Refuses to write, leaving any existing file untouched:
 * <ul>
 * <li>with a {@link CollapsedQualityException} when {@code qualityStats.std < 0.03} (the team's hard gate; NaN
 *     counts as below);</li>
 * <li>with an IllegalArgumentException when there are no pairs, a pair number repeats, a quality is outside
 *     [0, 1], or the given stats differ (by more than 1e-9) from {@link QualityStats#of(double[])} over the
 *     pairs — stats that do not describe the pairs would pass or fail the gate for the wrong reason.</li>
 * </ul>
 */
public final class PairsQualityWriter {
    static final double STATS_TOLERANCE = 1e-9;

    /** Computes the stats over {@code pairs} and writes. */
    public void write(Path target, java.util.List<PairQuality> pairs) throws IOException {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no pairs: refusing to write an empty " + target.getFileName());
        }
        write(target, PairsQuality.of(pairs));
    }

    public void write(Path target, PairsQuality q) throws IOException {
        if (q.pairs().isEmpty()) {
            throw new IllegalArgumentException("no pairs: refusing to write an empty " + target.getFileName());
        }
        Set<Integer> seen = new HashSet<>();
        double[] values = new double[q.pairs().size()];
        for (int i = 0; i < values.length; i++) {
            PairQuality p = q.pairs().get(i);
            if (!seen.add(p.pair())) {
                throw new IllegalArgumentException("duplicate pair " + p.pair());
            }
            if (!(p.quality01() >= 0 && p.quality01() <= 1)) {
                throw new IllegalArgumentException("quality01 " + p.quality01() + " of pair " + p.pair()
                        + " is outside [0, 1]");
            }
            values[i] = p.quality01();
        }
        QualityStats s = q.qualityStats();
        QualityStats expected = QualityStats.of(values);
        if (!close(s.std(), expected.std()) || !close(s.p50(), expected.p50()) || !close(s.p95(), expected.p95())
                || !close(s.min(), expected.min()) || !close(s.max(), expected.max())) {
            throw new IllegalArgumentException("qualityStats " + s + " do not match the pairs' own " + expected);
        }
        if (!s.passesGate()) {
            throw new CollapsedQualityException(target.toString(), s.std(), values.length);
        }
        JsonFiles.writeAtomically(target, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("pairs");
            for (PairQuality p : q.pairs()) {
                g.writeStartObject();
                g.writeNumberField("pair", p.pair());
                g.writeNumberField("quality01", p.quality01());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("qualityStats");
            g.writeNumberField("std", s.std());
            g.writeNumberField("p50", s.p50());
            g.writeNumberField("p95", s.p95());
            g.writeNumberField("min", s.min());
            g.writeNumberField("max", s.max());
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= STATS_TOLERANCE;
    }
}
