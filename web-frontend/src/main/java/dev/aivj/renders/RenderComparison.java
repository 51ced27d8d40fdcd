package dev.aivj.renders;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a candidate golden-renders folder with the reference one, pair by pair ({@link PairComparison}): a pair
 * passes when every kept frame meets the thresholds; a pair of the reference that the candidate lacks, or renders
 * with other settings, fails. Each failing pair that has frames to compare gets a heatmap PNG
 * ({@link DiffHeatmap}), {@code KEY.png} in the heatmap folder.
 */
public final class RenderComparison {

    private RenderComparison() {
    }

    /** With {@link RenderThresholds#DEFAULT}; heatmaps go to {@code candidateDir/heatmaps}. */
    public static List<PairComparison> compare(Path referenceDir, Path candidateDir) throws IOException {
        return compare(referenceDir, candidateDir, candidateDir.resolve("heatmaps"), RenderThresholds.DEFAULT);
    }

    /** @throws IOException when either folder is not a golden-renders folder */
    public static List<PairComparison> compare(Path referenceDir, Path candidateDir, Path heatmapDir,
            RenderThresholds thresholds) throws IOException {
        RenderFolder reference = RenderFolder.read(referenceDir);
        RenderFolder candidate = RenderFolder.read(candidateDir);
        List<PairComparison> out = new ArrayList<>();
        for (String key : reference.pairs().keySet()) {
            if (!candidate.pairs().containsKey(key)) {
                out.add(failure(key, "the candidate did not render it"));
            } else if (!candidate.settings().equals(reference.settings())) {
                out.add(failure(key, "rendered with other settings: " + candidate.settings() + " vs " + reference.settings()));
            } else {
                out.add(comparePair(key, reference.frames(key), candidate.frames(key), heatmapDir, thresholds));
            }
        }
        return out;
    }

    private static PairComparison comparePair(String key, List<BufferedImage> reference, List<BufferedImage> candidate,
            Path heatmapDir, RenderThresholds thresholds) throws IOException {
        List<Double> ssim = new ArrayList<>(), psnr = new ArrayList<>();
        List<Integer> failedFrames = new ArrayList<>();
        for (int i = 0; i < reference.size(); i++) {
            ssim.add(Ssim.mean(reference.get(i), candidate.get(i)));
            psnr.add(Psnr.of(reference.get(i), candidate.get(i)));
            if (!thresholds.passes(ssim.get(i), psnr.get(i))) failedFrames.add(i);
        }
        if (failedFrames.isEmpty()) return new PairComparison(key, ssim, psnr, true, "", null);
        Path heatmap = heatmapDir.resolve(key + ".png");
        DiffHeatmap.write(reference, candidate, heatmap);
        return new PairComparison(key, ssim, psnr, false, failedFrames.size() + " of " + reference.size()
                + " frames below SSIM " + thresholds.minSsim() + " or PSNR " + thresholds.minPsnrDb() + " dB", heatmap);
    }

    private static PairComparison failure(String key, String reason) {
        return new PairComparison(key, List.of(), List.of(), false, reason, null);
    }
}
