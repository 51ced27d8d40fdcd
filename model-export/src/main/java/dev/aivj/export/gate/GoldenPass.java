package dev.aivj.export.gate;

/**
 * What a golden pair must do to pass, defined here and nowhere else: the model under test ranks it in the top quarter
 * of its pack, and, where it was rendered, the pair drawn with the model's mix looks like its reference (drawn with
 * the mix of the model served now; SSIM and PSNR, {@link RenderGate}). Only golden pairs the model never trained on
 * count (its {@code golden-gate.json}): a golden pair that trained the model it tests proves nothing.
 */
public final class GoldenPass {
    /** The share of the pack a golden pair must rank within. */
    public static final double TOP_SHARE = 0.25;
    /** The release gate's line: at least this share of the golden pairs pass. */
    public static final double REQUIRED_RATE = 0.98;

    private GoldenPass() {
    }

    /** @param position 0 = the pack's best by the model's quality */
    public static boolean ranks(int position, int packSize) {
        return position < Math.ceil(packSize * TOP_SHARE);
    }

    /** @param rendersLikeReference null when the pair was not rendered */
    public static boolean passes(int position, int packSize, Boolean rendersLikeReference) {
        return ranks(position, packSize) && !Boolean.FALSE.equals(rendersLikeReference);
    }
}
