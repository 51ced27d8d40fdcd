package dev.aivj.renders;

import java.nio.file.Path;
import java.util.List;

/**
 * One pair's candidate render against its reference: SSIM and PSNR per kept frame, whether it passed, why not, and
 * the heatmap written for a failure (null when it passed or there was nothing to compare).
 */
public record PairComparison(String key, List<Double> ssim, List<Double> psnrDb, boolean passed, String reason,
        Path heatmap) {

    public PairComparison {
        ssim = List.copyOf(ssim);
        psnrDb = List.copyOf(psnrDb);
    }

    /** The lowest SSIM over the frames (NaN when none was compared). */
    public double minSsim() {
        return ssim.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    /** The lowest PSNR over the frames (NaN when none was compared). */
    public double minPsnrDb() {
        return psnrDb.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }
}
