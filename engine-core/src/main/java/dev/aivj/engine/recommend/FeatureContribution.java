package dev.aivj.engine.recommend;

/** One named feature's share of a learned score (θ_j·x_j), or of a preference (θ_j). */
public record FeatureContribution(String feature, double value) {
}
