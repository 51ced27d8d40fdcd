package dev.aivj.training.pairs;

/** One entry of {@code pairs-quality.v0.json}: the model's quality for a pair, in [0, 1]. */
public record PairQuality(int pair, double quality01) {
}
