package dev.aivj.training.pairs;

/**
 * Thrown instead of writing a {@code pairs-quality.v0.json} whose {@code qualityStats.std} is below the team's gate
 * of 0.03: the model gives (nearly) every pair the same quality, so its scores cannot rank anything.
 */
public final class CollapsedQualityException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final double std;

    public CollapsedQualityException(String file, double std, int pairs) {
        super("refusing to write " + file + ": qualityStats.std = " + std + " over " + pairs
                + " pairs is below the gate of " + QualityStats.MIN_STD + " — the model's quality scores have "
                + "collapsed to (nearly) one value; fix or retrain the model instead of publishing these scores");
        this.std = std;
    }

    public double std() {
        return std;
    }
}
