package dev.aivj.export.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.aivj.audioio.MusicCache;
import dev.aivj.engine.coupling.CouplingModel;
import dev.aivj.engine.recommend.PairLibrary;
import dev.aivj.export.coupling.CouplingBundle;
import dev.aivj.export.coupling.PairLibraryExporter;
import dev.aivj.export.coupling.QualityExporter;
import dev.aivj.presets.PresetLibrary;
import dev.aivj.training.coupling.CouplingTrainerMain;
import dev.aivj.training.coupling.LibraryVectors;
import dev.aivj.training.pack.PackFolder;
import dev.aivj.training.pack.PackVectors;
import dev.aivj.training.pack.TestPackGenerator;
import dev.aivj.training.pairs.PairsQuality;
import dev.aivj.training.pairs.PairsQualityReader;
import dev.aivj.training.pairs.PresetPair;
import dev.aivj.training.pairs.parquet.ParquetPairStore;
import dev.aivj.web.AppServer;
import dev.aivj.web.HeadlessChromium;
import dev.aivj.web.ServerOptions;
import dev.aivj.web.StaticAssets;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack of new presets through the whole chain, on a GENERATED pack in the team's web-player layout
 * ({@link TestPackGenerator}: 80 pairs of copies of 10 real projectm-data presets, plus a preset of each broken kind
 * and unreadable manifest rows): import-pack renders every distinct preset with headless projectM (a hang times out
 * after 8 s, twice), scores the pairs with the bundled coupling model and writes pairs-quality, the Parquet store and the
 * report; export-quality, train-coupling and export-library take the pack; {@code serve --pack} serves it and the
 * real page plays its pairs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackEndToEndTest {
    private static final Path ROOT = Path.of("..");
    static final Path WEB = ROOT.resolve("projectm-wasm/target/classes/web");

    @TempDir
    static Path temp;
    static Path pack;
    static CouplingModel model;
    static PackReport report;

    @BeforeAll
    static void importAGeneratedPack() throws Exception {
        pack = temp.resolve("ai_generated_coupled_test");
        TestPackGenerator.generate(pack, 80, 10, 3, presetsRoot(), ROOT.resolve(LibraryVectors.DEFAULT_STATUS));
        model = CouplingBundle.load(ROOT.resolve(QualityExporter.DEFAULT_MODEL));
        report = new PackImport(settings(Integer.MAX_VALUE), System.out).run(pack);
        System.out.println(report.markdown());
    }

    static Path presetsRoot() {
        return PresetLibrary.resolveRoot(System.getProperty("aivj.presets.dir", ""));
    }

    static PackImport.Settings settings(int limit) {
        return new PackImport.Settings(model, WEB, MusicCache.clip("wav"), temp.resolve("frames"), 8, limit);
    }

    @Test
    @Order(1)
    void everyBrokenPresetIsReportedWithItsReasonAndTheOthersAreScored() {
        Map<String, List<String>> broken = report.broken();
        for (String kind : List.of("parse", "shader", "hang", "blank", "frozen", "empty", "binary", "not-a-preset")) {
            assertTrue(broken.containsKey(kind), kind + " missing from " + broken.keySet());
            broken.get(kind).forEach(line -> assertTrue(line.matches("(fg|bg)/coupled_\\d{5}_\\d{8}_\\d{6}_(fg|bg)"
                    + "\\.milk: .+"), line));
        }
        assertTrue(broken.get("hang").get(0).contains("no result within 8 s"), broken.get("hang").toString());
        assertTrue(broken.get("shader").get(0).contains("texture"), broken.get("shader").toString());
        assertEquals(1, report.unresolved().size(), "the pair whose fg file is missing: " + report.unresolved());
        assertTrue(report.unresolved().values().iterator().next().matches(".*pairs-manifest\\.json:\\d+: missing file.*"));
        // 80 pairs of good presets + 10 with a broken or missing preset; 5 rows not readable, each with file:line.
        assertEquals(90, report.pairsRead());
        assertTrue(report.pairsScored() >= 80 && report.pairsScored() <= 81, "scored " + report.pairsScored());
        assertEquals(report.pairsRead() - report.pairsScored(), report.leftOut().size());
        List<String> rows = report.rowProblems();
        assertEquals(5, rows.size(), rows.toString());
        rows.forEach(r -> assertTrue(r.matches(".*(pairs-manifest|AIVJ_FINAL_ELITE_MANIFEST)\\.json:\\d+: .+"), r));
        assertTrue(report.measuredNow() >= 15, "distinct presets rendered: " + report.measuredNow());
        assertTrue(report.presetsPerMinute() > 0);
    }

    @Test
    @Order(2)
    void itWritesTheTeamsQualityFileTheParquetStoreAndTheReport() throws Exception {
        PackFolder f = new PackFolder(pack);
        PairsQuality q = new PairsQualityReader().read(f.quality());
        assertEquals(report.pairsScored(), q.pairs().size());
        assertTrue(q.qualityStats().std() >= 0.03, "std gate " + q.qualityStats());
        List<PresetPair> rows = new ParquetPairStore().read(f.parquet());
        assertEquals(90, rows.size());
        assertEquals(report.pairsScored(), rows.stream().filter(r -> r.quality01() != null).count());
        String md = Files.readString(f.reportMarkdown());
        assertTrue(md.contains("## Broken presets by reason") && md.contains("## Score distribution"), md);
        assertTrue(Files.readString(f.reportJson()).contains("\"presetsPerMinute\""));
    }

    @Test
    @Order(3)
    void aSecondImportMeasuresNothingAgain() throws Exception {
        PackReport again = new PackImport(settings(Integer.MAX_VALUE), System.out).run(pack);
        assertEquals(0, again.measuredNow());
        assertEquals(report.pairsScored(), again.pairsScored());
        assertEquals(report.broken(), again.broken());
    }

    @Test
    @Order(4)
    void exportQualityScoresTheImportedPackAndSaysWhatToDoWithANewOne() throws Exception {
        PackFolder f = new PackFolder(pack);
        QualityExporter.Result r = QualityExporter.export(f.manifest(), temp.resolve("q.json"), model,
                PackVectors.read(pack));
        assertEquals(report.pairsScored(), r.scored());
        // A pack of new presets against the library's measurements (the 31-pair pack stopped with a stack
        // trace here): one line naming the manifest and saying to import the pack first.
        Path fresh = Files.createDirectories(temp.resolve("fresh_pack"));
        Files.copy(f.manifest(), fresh.resolve("pairs-manifest.json"));
        Map<String, float[]> library = LibraryVectors.read(ROOT.resolve(LibraryVectors.DEFAULT_STATUS), presetsRoot());
        IOException e = assertThrows(IOException.class, () -> QualityExporter.export(fresh, model, library));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith("none of the " + report.pairsScored() + " pairs in " + fresh
                .resolve("pairs-manifest.json") + " has measured presets") && e.getMessage().contains("import-pack"),
                e.getMessage());
        // The generated pack's own manifest has unreadable rows: the strict reader names file and line.
        IOException bad = assertThrows(IOException.class, () -> QualityExporter.export(pack, model, library));
        assertTrue(bad.getMessage().matches(".*pairs-manifest\\.json:\\d+: pairs entry lacks \"bgUrl\""),
                bad.getMessage());
    }

    @Test
    @Order(5)
    void trainCouplingRetrainsOnThePacksOwnPairs() throws Exception {
        CouplingTrainerMain.main(new String[] {"--pack", pack.toString(), "--epochs", "2", "--seeds", "1",
            "--no-ablations"});
        Path out = new PackFolder(pack).root().resolve("coupling");
        assertTrue(Files.isRegularFile(out.resolve("report.json")), "checkpoint folder " + out);
        assertTrue(Files.readString(out.resolve("report.md")).contains("Pack `ai_generated_coupled_test`"));
    }

    @Test
    @Order(6)
    void thePageAndTheWidgetPlayThePacksPairsServedFromThePack() throws Exception {
        PackFolder f = new PackFolder(pack);
        Path library = f.library().resolve(PackFolder.LIBRARY);
        List<String> left = PairLibraryExporter.export(f.manifest(), model, PackVectors.read(pack),
                PairLibraryExporter.packRatings(f), library);
        assertEquals(List.of(), left);
        assertEquals(report.pairsScored(), PairLibrary.parse(Files.readString(library)).size());
        Path shots = Files.createDirectories(Path.of("target/pack-screenshots"));
        try (AppServer server = AppServer.start(StaticAssets.fromClasspath(),
                new ServerOptions(0, temp.resolve("no-registry"), null, false, pack));
                Playwright pw = HeadlessChromium.playwright(); Browser browser = HeadlessChromium.launch(pw)) {
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1000, 800));
            Page page = context.newPage();
            List<String> errors = new java.util.ArrayList<>();
            page.onPageError(errors::add);
            page.navigate(server.uri().toString());
            page.waitForFunction("() => window.aivj && window.aivj.state === 'idle'");
            page.locator("#file-input").setInputFiles(MusicCache.clip("ogg"));
            page.waitForFunction("() => ['ready', 'error'].includes(window.aivj.state)", null,
                    new Page.WaitForFunctionOptions().setTimeout(120_000).setPollingInterval(100));
            assertEquals("ready", page.evaluate("() => window.aivj.state"), () -> page.textContent("#error"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> plan = (List<Map<String, Object>>) page.evaluate("() => window.aivj.analysis.pairs");
            Set<String> packIds = Set.copyOf(PackVectors.read(pack).keySet());
            assertFalse(plan.isEmpty());
            for (Map<String, Object> p : plan) {
                assertTrue(packIds.contains((String) p.get("fg")) && packIds.contains((String) p.get("bg")),
                        "a pair of the pack: " + p);
            }
            // The layers load the plan's presets from the pack and draw them.
            page.waitForFunction("() => window.aivj.playing && window.aivj.presets.fg"
                    + " && window.aivj.presets.fg.startsWith('ai_generated_coupled_test/')"
                    + " && !window.aivj.loadingPresets.fg && !window.aivj.loadingPresets.bg && window.aivj.currentTime > 3", null,
                    new Page.WaitForFunctionOptions().setTimeout(60_000).setPollingInterval(100));
            @SuppressWarnings("unchecked")
            Map<String, Object> engines = (Map<String, Object>) page.evaluate("() => window.aivj.engines");
            assertEquals(Map.of("bg", "projectm", "fg", "projectm"), engines);
            byte[] shot = page.locator("#stage").screenshot();
            Files.write(shots.resolve("page-playing-pack-pair.png"), shot);
            assertTrue(lumaStd(shot) > 2, "the stage draws something");
            page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("page.png")));
            assertEquals(List.of(), errors);
            System.out.println("PackEndToEndTest: the page plays " + page.evaluate("() => window.aivj.presets"));

            // The widget takes the same server's pair library and index by default: the demo article's widget.
            page.navigate(server.uri().resolve("demo/article.html").toString());
            page.locator("#demo-widget").scrollIntoViewIfNeeded();
            page.waitForFunction("() => ['ready', 'error'].includes(document.querySelector('#demo-widget')"
                    + ".getAttribute('state'))", null,
                    new Page.WaitForFunctionOptions().setTimeout(120_000).setPollingInterval(200));
            assertEquals("ready", page.locator("#demo-widget").getAttribute("state"));
            Frame frame = page.locator("#demo-widget iframe").elementHandle().contentFrame();
            frame.waitForFunction("() => window.aivjEmbed.playing && window.aivjEmbed.presets.fg"
                    + " && window.aivjEmbed.presets.fg.startsWith('ai_generated_coupled_test/')"
                    + " && window.aivjEmbed.presets.bg.startsWith('ai_generated_coupled_test/')"
                    + " && window.aivjEmbed.renderedFrames > 30", null,
                    new Frame.WaitForFunctionOptions().setTimeout(60_000).setPollingInterval(100));
            Files.write(shots.resolve("widget-playing-pack-pair.png"), page.locator("#demo-widget").screenshot());
            System.out.println("PackEndToEndTest: the widget plays " + frame.evaluate("() => window.aivjEmbed.presets"));
            assertEquals(List.of(), errors);
            context.close();
        }
    }

    private static double lumaStd(byte[] png) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                double l = 0.299 * (rgb >> 16 & 255) + 0.587 * (rgb >> 8 & 255) + 0.114 * (rgb & 255);
                sum += l;
                sq += l * l;
                n++;
            }
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sq / n - mean * mean));
    }
}
