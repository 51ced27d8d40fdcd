package dev.aivj.cli;

import dev.aivj.renders.PairComparison;
import dev.aivj.renders.RenderComparison;
import dev.aivj.renders.RenderThresholds;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code aivj compare-renders --reference DIR --candidate DIR --out DIR [--min-ssim X --min-psnr DB]}: compares two
 * golden-renders folders ({@link RenderComparison}), prints SSIM and PSNR (lowest over the frames) and PASS/FAIL per
 * pair, writes a heatmap PNG per failing pair to the out folder. Exit 0 when every pair passed, 1 otherwise, 2 for a
 * usage error.
 */
final class CompareRendersCommand {
    static final String USAGE = "usage: aivj compare-renders --reference DIR --candidate DIR --out DIR"
            + " [--min-ssim X --min-psnr DB]";

    private CompareRendersCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path reference, candidate, heatmaps;
        RenderThresholds thresholds;
        try {
            RenderArgs a = new RenderArgs(args, Set.of("--reference", "--candidate", "--out", "--min-ssim", "--min-psnr"));
            reference = Path.of(a.required("--reference"));
            candidate = Path.of(a.required("--candidate"));
            heatmaps = Path.of(a.required("--out"));
            thresholds = new RenderThresholds(a.number("--min-ssim", RenderThresholds.DEFAULT.minSsim()),
                    a.number("--min-psnr", RenderThresholds.DEFAULT.minPsnrDb()));
        } catch (IllegalArgumentException e) {
            err.println("aivj: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        List<PairComparison> results;
        try {
            results = RenderComparison.compare(reference, candidate, heatmaps, thresholds);
        } catch (IOException e) {
            err.println("aivj: " + e.getMessage());
            return 1;
        }
        long passed = results.stream().filter(PairComparison::passed).count();
        for (PairComparison r : results) {
            out.println(String.format(Locale.ROOT, "%s  SSIM %.4f  PSNR %s  %s", r.passed() ? "PASS" : "FAIL",
                    r.minSsim(), decibels(r.minPsnrDb()), r.key())
                    + (r.passed() ? "" : "  (" + r.reason() + (r.heatmap() == null ? "" : "; heatmap " + r.heatmap()) + ")"));
        }
        out.printf(Locale.ROOT, "%d of %d pairs render like their reference (SSIM >= %s and PSNR >= %s dB on every frame)%n",
                passed, results.size(), thresholds.minSsim(), thresholds.minPsnrDb());
        return passed == results.size() ? 0 : 1;
    }

    private static String decibels(double db) {
        return Double.isInfinite(db) ? "inf" : Double.isNaN(db) ? "-" : String.format(Locale.ROOT, "%.2f dB", db);
    }
}
