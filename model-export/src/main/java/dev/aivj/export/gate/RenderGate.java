package dev.aivj.export.gate;

import dev.aivj.renders.GoldenPair;
import dev.aivj.renders.GoldenPairs;
import dev.aivj.renders.GoldenRenders;
import dev.aivj.renders.PairComparison;
import dev.aivj.renders.PairRenderer;
import dev.aivj.renders.RenderComparison;
import dev.aivj.renders.RenderSettings;
import dev.aivj.renders.RenderThresholds;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The render half of {@link GoldenPass}: each golden pair is drawn twice in headless Chromium on projectM's fixed
 * clock (dev.aivj.renders), once with the mix of the model served now (the reference) and once with the candidate's,
 * and the two compared frame by frame ({@link RenderThresholds#DEFAULT}: SSIM and PSNR); a failing pair gets a
 * heatmap. Frames and heatmaps stay in {@code dir} for the quality report.
 */
public final class RenderGate implements ReleaseGate.RenderCheck {
    /** Golden pairs rendered per candidate: 2 to 5 s each on this machine, twice. */
    public static final int DEFAULT_PAIRS = 12;

    private final Path dir;
    private final PrintStream log;

    public RenderGate(Path dir, PrintStream log) {
        this.dir = dir;
        this.log = log;
    }

    public Path referenceDir() {
        return dir.resolve("reference");
    }

    public Path candidateDir() {
        return dir.resolve("candidate");
    }

    public Path heatmapDir() {
        return dir.resolve("heatmaps");
    }

    @Override
    public Map<Integer, PairComparison> check(List<ReleaseGate.RenderCase> cases) {
        List<GoldenPair> reference = new ArrayList<>();
        List<GoldenPair> candidate = new ArrayList<>();
        Map<String, Integer> pairByKey = new LinkedHashMap<>();
        for (ReleaseGate.RenderCase c : cases) {
            GoldenPair p = new GoldenPair(c.fg(), c.bg(), GoldenPairs.presetUrl(c.fg()), GoldenPairs.presetUrl(c.bg()),
                    c.currentWs(), c.currentWt());
            reference.add(p);
            candidate.add(p.withWeights(c.candidateWs(), c.candidateWt()));
            pairByKey.put(p.key(), c.pair());
        }
        try (PairRenderer renderer = PairRenderer.start()) {
            GoldenRenders.Summary before = GoldenRenders.write(renderer, reference, RenderSettings.DEFAULT, referenceDir(), log);
            GoldenRenders.Summary after = GoldenRenders.write(renderer, candidate, RenderSettings.DEFAULT, candidateDir(), log);
            Map<Integer, PairComparison> out = new LinkedHashMap<>();
            for (PairComparison c : RenderComparison.compare(referenceDir(), candidateDir(), heatmapDir(),
                    RenderThresholds.DEFAULT)) {
                out.put(pairByKey.get(c.key()), c);
            }
            // A pair that could not be drawn fails: a render check that did not run must not pass.
            Map<String, String> failed = new LinkedHashMap<>();
            before.failed().forEach((p, why) -> failed.put(p.key(), "the reference did not render: " + why));
            after.failed().forEach((p, why) -> failed.putIfAbsent(p.key(), "the candidate did not render: " + why));
            failed.forEach((key, why) -> out.put(pairByKey.get(key), new PairComparison(key, List.of(), List.of(), false,
                    why, null)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("golden renders: " + e.getMessage(), e);
        }
    }
}
