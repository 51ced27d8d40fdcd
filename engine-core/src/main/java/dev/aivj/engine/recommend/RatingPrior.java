package dev.aivj.engine.recommend;

/**
 * The human prior MilkDrop presets carry: {@code fRating}, 0..5, set by the preset's author or a curator (3 is
 * MilkDrop's default; MilkDrop's own random mode skips presets rated 0). A pair's rating is the mean of its two
 * presets'; its score is multiplied by
 * <pre>factor = ((rating + 1) / 4)^{@value #STRENGTH}</pre>
 * 1 at the default 3, ×1.08 for two 5s, ×0.87 for two 1s, ×0.76 for two 0s. The strength is small on purpose:
 * measured on projectm-data the rating hardly agrees with the looks (Spearman ρ at most +0.13, motion among the
 * presets rated other than 3; below 0.07 for every other measure) or the pairs' rendered score (ρ +0.04;
 * {@code ./aivj rating-prior}), so it is what people thought,
 * unconfirmed by what the renders measure: it nudges, and the viewers' own signals (the learned preference)
 * outweigh it.
 */
public final class RatingPrior {
    public static final double NEUTRAL = 3;
    public static final double STRENGTH = 0.2;

    private RatingPrior() {
    }

    public static double factor(double rating) {
        return Math.pow((rating + 1) / (NEUTRAL + 1), STRENGTH);
    }
}
