package dev.aivj.renders;

/**
 * When a candidate render of a pair "renders like its reference": every kept frame has at least {@code minSsim}
 * (luma SSIM, {@link Ssim}) and at least {@code minPsnrDb} ({@link Psnr}).
 */
public record RenderThresholds(double minSsim, double minPsnrDb) {

    /**
     * SSIM 0.99 and 35 dB, between what was measured on the library's first 10 pairs at 160x120, frames 30/60/90 (the
     * lowest frame of each pair): the same pair rendered again in another browser process is identical (SSIM 1, PSNR
     * infinite); w_s lowered by 10 % (foreground opacity about 1 % lower, the blend mode kept) gave SSIM
     * 0.9986-0.9995 and 42.5-50.5 dB, and passes; w_s negated (screen becomes normal) gave SSIM 0.78-0.97 and
     * 17.3-24.8 dB, and another foreground preset SSIM 0.05-0.71 and 4.2-19.3 dB: both fail.
     */
    public static final RenderThresholds DEFAULT = new RenderThresholds(0.99, 35.0);

    public boolean passes(double ssim, double psnrDb) {
        return ssim >= minSsim && psnrDb >= minPsnrDb;
    }
}
