package dev.aivj.renders;

/**
 * When a candidate render of a pair "renders like its reference": every kept frame has at least {@code minSsim}
 * (luma SSIM, {@link Ssim}) and at least {@code minPsnrDb} ({@link Psnr}).
 */
public record RenderThresholds(double minSsim, double minPsnrDb) {

    /** Chosen from measurements (projectm-wasm/README.md, golden renders): see {@code GoldenRendersTest}. */
    public static final RenderThresholds DEFAULT = new RenderThresholds(0.98, 35.0);

    public boolean passes(double ssim, double psnrDb) {
        return ssim >= minSsim && psnrDb >= minPsnrDb;
    }
}
