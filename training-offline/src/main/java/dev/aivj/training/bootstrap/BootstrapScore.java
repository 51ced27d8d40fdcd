package dev.aivj.training.bootstrap;

/**
 * The bootstrap scoring function: a pair's score 0..5 from its measured composite. Documented here because the
 * whole bootstrap elite set rests on it.
 *
 * <pre>
 * exposure = clamp01(1 − |L/255 − 0.45| / 0.40)     L = composite mean luma; best mid-grey, worst black or white
 * motion   = 1 − exp(−M / 3)                        M = mean luma change per frame (3 levels give 0.63)
 * contrast = 1 − exp(−C / 30)                       C = mean |luma(fg) − luma(bg)|: the layers stay distinct
 * detail   = clamp01(E / 0.30)                      E = share of edge pixels in the composite
 * raw      = 0.30·exposure + 0.30·motion + 0.25·contrast + 0.15·detail
 * score    = 5·raw, or 1·raw when the composite fails the team's own quality filter
 *            (shared/DATA-FORMATS.md: avg luma ≥ 0.14, min luma ≥ 0.07, avg motion ≥ 2e-5, luma as 0..1)
 * </pre>
 * Pairs with a blank, frozen or broken layer never get here: they are not candidates.
 */
public final class BootstrapScore {
    public static final double MAX = 5;

    private BootstrapScore() {
    }

    public static double of(CompositeLook c) {
        double exposure = clamp01(1 - Math.abs(c.lumaMean() / 255 - 0.45) / 0.40);
        double motion = 1 - Math.exp(-c.motion() / 3);
        double contrast = 1 - Math.exp(-c.layerContrast() / 30);
        double detail = clamp01(c.edgeDensity() / 0.30);
        double raw = 0.30 * exposure + 0.30 * motion + 0.25 * contrast + 0.15 * detail;
        return (passesTeamFilter(c) ? MAX : 1) * raw;
    }

    /** The team's rendered-frame filter, on luma scaled to 0..1. */
    public static boolean passesTeamFilter(CompositeLook c) {
        return c.lumaMean() / 255 >= 0.14 && c.lumaMin() / 255 >= 0.07 && c.motion() / 255 >= 2e-5;
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
