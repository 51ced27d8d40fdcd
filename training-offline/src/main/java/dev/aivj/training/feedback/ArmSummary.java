package dev.aivj.training.feedback;

/**
 * One arm of an A/B test: its installations and sessions, shown events, ratings (the samples), their mean, and its
 * top-20 hit rate (hits of its shown events among the pooled top-20 pairs).
 */
public record ArmSummary(String arm, int installations, int sessions, int shown, int hits, double[] ratings) {
    public int samples() {
        return ratings.length;
    }

    public double meanRating() {
        return ratings.length == 0 ? Double.NaN : SignificanceTests.mean(ratings);
    }

    public double hitRate() {
        return shown == 0 ? Double.NaN : (double) hits / shown;
    }
}
