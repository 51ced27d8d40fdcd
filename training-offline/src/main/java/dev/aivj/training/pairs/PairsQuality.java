package dev.aivj.training.pairs;

import java.util.List;
import java.util.Objects;

/**
 * {@code pairs-quality.v0.json}: the trained model's quality per pair, merged into the manifest by pair number,
 * and stats over all of them.
 */
public record PairsQuality(List<PairQuality> pairs, QualityStats qualityStats) {
    public static final List<String> FIELDS = List.of("pairs", "qualityStats");
    public static final List<String> PAIR_FIELDS = List.of("pair", "quality01");
    public static final List<String> STATS_FIELDS = List.of("std", "p50", "p95", "min", "max");

    public PairsQuality {
        pairs = List.copyOf(pairs);
        Objects.requireNonNull(qualityStats, "qualityStats");
    }

    /** The pairs with their stats computed by {@link QualityStats#of(double[])}. */
    public static PairsQuality of(List<PairQuality> pairs) {
        return new PairsQuality(pairs, QualityStats.of(pairs.stream().mapToDouble(PairQuality::quality01)
                .toArray()));
    }
}
