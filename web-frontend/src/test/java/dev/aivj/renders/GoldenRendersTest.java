package dev.aivj.renders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden renders of a real pair of the shipped pair library (projectm-data presets, served by the app from the
 * library built with -Daivj.presets.dir), in headless Chromium on projectM's fixed clock: rendered twice it gives
 * the same pixels; the same pair with a changed preset or another blend mode fails the comparison with a heatmap, and
 * one with its foreground opacity about 1 % lower passes ({@link RenderThresholds#DEFAULT}).
 */
class GoldenRendersTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    static Path dir;
    private static PairRenderer renderer;
    private static GoldenPair pair;
    private static GoldenPair other;

    @BeforeAll
    static void render() throws Exception {
        List<GoldenPair> library = GoldenPairs.read(
                Path.of(GoldenRendersTest.class.getResource("/web/pairs/pair-library.json").toURI()), 2);
        pair = library.get(0);
        other = library.get(1);
        renderer = PairRenderer.start();
        write("reference", pair);
        write("again", pair);
    }

    @AfterAll
    static void stop() {
        if (renderer != null) renderer.close();
    }

    private static void write(String folder, GoldenPair p) throws Exception {
        GoldenRenders.Summary s = GoldenRenders.write(renderer, List.of(p), RenderSettings.DEFAULT, dir.resolve(folder), QUIET);
        assertEquals(java.util.Map.of(), s.failed(), "the pair must render");
    }

    @Test
    void theSamePairRenderedTwiceGivesTheSamePixels() throws Exception {
        List<PairComparison> results = RenderComparison.compare(dir.resolve("reference"), dir.resolve("again"));
        assertEquals(1, results.size());
        PairComparison r = results.get(0);
        assertTrue(r.passed(), r.reason());
        assertEquals(1.0, r.minSsim(), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, r.minPsnrDb(), "the fixed clock makes every pixel the same");
        assertNull(r.heatmap());
        BufferedImage frame = RenderFolder.read(dir.resolve("reference")).frames(pair.key()).get(2);
        assertEquals(RenderSettings.DEFAULT.width(), frame.getWidth());
        assertTrue(lumaSpread(frame) > 3, "the pair draws a picture, not a blank frame");
    }

    @Test
    void aChangedPresetFailsAndGetsAHeatmap() throws Exception {
        write("changed-preset", pair.withForegroundUrl(other.fgUrl()));
        Path heatmaps = dir.resolve("heatmaps-preset");
        PairComparison r = RenderComparison.compare(dir.resolve("reference"), dir.resolve("changed-preset"), heatmaps,
                RenderThresholds.DEFAULT).get(0);
        assertFalse(r.passed());
        assertTrue(r.minSsim() < RenderThresholds.DEFAULT.minSsim() || r.minPsnrDb() < RenderThresholds.DEFAULT.minPsnrDb());
        assertNotNull(r.heatmap());
        BufferedImage heatmap = ImageIO.read(r.heatmap().toFile());
        assertEquals(3 * RenderSettings.DEFAULT.width(), heatmap.getWidth());
        assertEquals(RenderSettings.DEFAULT.frames().size() * RenderSettings.DEFAULT.height(), heatmap.getHeight());
    }

    @Test
    void aChangedMixFails() throws Exception {
        GoldenPair contrasting = pair.withWeights(-pair.ws(), pair.wt());
        assertFalse(contrasting.mix().blendMode().equals(pair.mix().blendMode()));
        write("changed-mix", contrasting);
        PairComparison r = RenderComparison.compare(dir.resolve("reference"), dir.resolve("changed-mix")).get(0);
        assertFalse(r.passed(), "SSIM " + r.minSsim() + ", PSNR " + r.minPsnrDb());
        assertTrue(Files.isRegularFile(r.heatmap()));
    }

    @Test
    void aSlightlyChangedOpacityStillPasses() throws Exception {
        GoldenPair nudged = pair.withWeights(pair.ws() * 0.9, pair.wt());
        double fgChange = Math.abs(nudged.mix().fgOpacity() / pair.mix().fgOpacity() - 1);
        assertTrue(fgChange > 0.005 && fgChange < 0.02, "foreground opacity changed by " + fgChange);
        write("nudged-mix", nudged);
        PairComparison r = RenderComparison.compare(dir.resolve("reference"), dir.resolve("nudged-mix")).get(0);
        assertTrue(r.passed(), "SSIM " + r.minSsim() + ", PSNR " + r.minPsnrDb());
        assertTrue(r.minPsnrDb() < Double.POSITIVE_INFINITY, "the opacity did change the pixels");
    }

    @Test
    void aPairTheCandidateLacksFails() throws Exception {
        GoldenRenders.write(renderer, List.of(), RenderSettings.DEFAULT, dir.resolve("empty"), QUIET);
        PairComparison r = RenderComparison.compare(dir.resolve("reference"), dir.resolve("empty")).get(0);
        assertFalse(r.passed());
        assertEquals("the candidate did not render it", r.reason());
    }

    private static double lumaSpread(BufferedImage image) {
        double[] y = Ssim.luma(image);
        double mean = java.util.Arrays.stream(y).average().orElse(0);
        return Math.sqrt(java.util.Arrays.stream(y).map(v -> (v - mean) * (v - mean)).average().orElse(0));
    }
}
