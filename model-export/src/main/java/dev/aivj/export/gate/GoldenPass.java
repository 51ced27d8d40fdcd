package dev.aivj.export.gate;

/**
 * What a golden pair must do to pass, defined here and nowhere else: the model under test ranks it in the top quarter
 * of its pack. Only golden pairs the model never trained on count (its {@code golden-gate.json}): a golden pair
 * that trained the model it tests proves nothing.
 */
public final class GoldenPass {
    /** The share of the pack a golden pair must rank within. */
    public static final double TOP_SHARE = 0.25;
    /** The release gate's line: at least this share of the golden pairs pass. */
    public static final double REQUIRED_RATE = 0.98;

    private GoldenPass() {
    }

    /** @param position 0 = the pack's best by the model's quality */
    public static boolean passes(int position, int packSize) {
        return position < Math.ceil(packSize * TOP_SHARE);
    }
}
