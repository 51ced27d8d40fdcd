package dev.aivj.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import dev.aivj.audioio.AudioFileDecoder;
import dev.aivj.audioio.DecodedAudio;
import dev.aivj.audioio.MusicCache;
import dev.aivj.engine.AnalysisSettings;
import dev.aivj.engine.AudioAnalyzer;
import dev.aivj.engine.EngineInfo;
import dev.aivj.engine.plan.PlanJson;
import dev.aivj.engine.plan.SongPlan;
import dev.aivj.engine.analysis.AnalysisResult;
import dev.aivj.engine.analysis.SongStyle;
import dev.aivj.wasm.instrumented.StageBenchmark;
import dev.aivj.wasm.instrumented.StageTimes;
import dev.aivj.engine.live.LiveAnalyzer;
import dev.aivj.engine.live.LiveShow;
import dev.aivj.engine.model.FixtureBundles;
import dev.aivj.engine.model.MusicModel;
import dev.aivj.engine.recommend.PairLibrary;
import dev.aivj.engine.recommend.PairPlan;
import dev.aivj.engine.recommend.TestLibraries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Runs the same real song through the JVM engine and through the TeaVM Wasm GC build in headless Chromium and
 * checks that every number in the JSON agrees. The tests call the instrumented build (the product's exports plus
 * timing and inspection ones, {@link WasmHarness}); {@link #productBuildExportsTheProductApiAndAnalysesAlike} checks
 * that the product build, the one the app serves, exports only the product's API and gives the same plan.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WasmParityTest {
    /** 174.9 s, stereo, 44.1 kHz: the sectoid song closest to 3 minutes. */
    static final String SONG = "War of freedom";
    static final double TOLERANCE = 1e-5;
    /** Model outputs (style probabilities, visual parameters and what is derived from them). */
    static final double MODEL_TOLERANCE = 1e-4;
    static final int WORKER_SECONDS = 20;
    static final int LIVE_SECONDS = 30;
    /** 0.5 s at 22050 Hz. */
    static final int LIVE_CHUNK = 11025;

    static final ObjectMapper JSON = new ObjectMapper();
    /** The music model the web app serves (web-frontend's resources, in the repository). */
    static final Path SHIPPED_MODEL = Path.of("..", "web-frontend", "src", "main", "resources", "web", "models",
            "music-v1");

    private final List<String> timingRows = new ArrayList<>();

    private DecodedAudio song;
    private float[] mono;
    private WasmHarness harness;
    private Browser browser;
    private Page page;

    @BeforeAll
    void setUp() throws Exception {
        Path songFile = MusicCache.sectoidSong(SONG);
        song = AudioFileDecoder.decode(songFile);
        mono = mixToMono(song.interleaved(), song.channels());
        System.out.printf("Song: %s, %d ch, %d Hz, %.1f s%n", songFile.getFileName(), song.channels(),
                song.sampleRate(), (double) mono.length / song.sampleRate());
        harness = WasmHarness.start();
        harness.floats("mono", mono);
        harness.floats("interleaved", song.interleaved());
        // UNTRAINED test fixture bundle (seeded random weights), served at /model/.
        harness.route("model/manifest.json", FixtureBundles.manifest().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        harness.route("model/weights.bin", FixtureBundles.weights());
        // The TRAINED bundle the web app ships, served at /shipped/.
        harness.route("shipped/manifest.json", Files.readAllBytes(SHIPPED_MODEL.resolve("manifest.json")));
        harness.route("shipped/weights.bin", Files.readAllBytes(SHIPPED_MODEL.resolve("weights.bin")));
        harness.floats("mono-short", Arrays.copyOf(mono, Math.min(mono.length, WORKER_SECONDS * song.sampleRate())));
        browser = harness.browser();
        page = harness.page();
    }

    @AfterAll
    void tearDown() {
        if (!timingRows.isEmpty()) {
            System.out.println();
            System.out.println("Timing (" + SONG + "):");
            timingRows.forEach(System.out::println);
        }
        if (harness != null) {
            harness.close();
        }
    }

    // ---- tests ------------------------------------------------------------------------------------------

    /** First, so that "first call" really is the first analysis in this JVM and in this page. */
    @Test
    @Order(1)
    void timingJvmVersusWasm() {
        int sr = song.sampleRate();
        AudioAnalyzer analyzer = new AudioAnalyzer();
        double[] jvm = new double[6];
        for (int i = 0; i < jvm.length; i++) {
            long t0 = System.nanoTime();
            String json = PlanJson.write(new SongPlan(analyzer.analyze(mono, 1, sr), null, null), false);
            jvm[i] = (System.nanoTime() - t0) / 1e6;
            assertTrue(json.startsWith("{"));
        }
        double[] wasm = new double[6];
        for (int i = 0; i < wasm.length; i++) {
            Map<String, Object> r = call("analyze", "mono", sr);
            wasm[i] = ((Number) r.get("ms")).doubleValue();
            assertTrue(((String) r.get("out")).startsWith("{\"engineVersion\""), "Wasm analyze failed");
        }
        // sampleRate 0 is rejected before any work: what is left is the float[] copy across the boundary.
        double[] copy = new double[5];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = ((Number) call("analyze", "mono", 0).get("ms")).doubleValue();
        }
        double seconds = (double) mono.length / sr;
        timingRows.add(String.format("  %-44s %10s %14s", "analyze(mono " + String.format("%.0f", seconds)
                + " s @ " + sr + " Hz) + JSON", "first [ms]", "median of 5 [ms]"));
        timingRows.add(String.format("  %-44s %10.1f %14.1f", "JVM (HotSpot " + Runtime.version().feature() + ")",
                jvm[0], median(Arrays.copyOfRange(jvm, 1, 6))));
        timingRows.add(String.format("  %-44s %10.1f %14.1f", "Wasm GC (" + browser.version() + ")",
                wasm[0], median(Arrays.copyOfRange(wasm, 1, 6))));
        timingRows.add(String.format("  %-44s %10.1f %14.1f", "  of which Float32Array -> float[] copy",
                copy[0], median(copy)));
    }

    @Test
    @Order(2)
    void classpathFolderWebEngineHoldsExactlyTheTwoAssets() throws Exception {
        java.net.URL url = getClass().getClassLoader().getResource("web/engine");
        assertNotNull(url, "classpath folder web/engine/ missing: TeaVM did not run in process-classes");
        try (var files = Files.list(Path.of(url.toURI()))) {
            assertEquals(List.of("aivj-engine.wasm", "aivj-engine.wasm-runtime.js"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        Path wasm = Path.of(url.toURI()).resolve("aivj-engine.wasm");
        byte[] raw = Files.readAllBytes(wasm);
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(gz) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            out.write(raw);
        }
        System.out.printf("aivj-engine.wasm: %,d bytes raw, %,d bytes gzip -9%n", raw.length, gz.size());
    }

    /** The export names of the product build, the one web-frontend serves at /engine/. */
    static final List<String> PRODUCT_EXPORTS = List.of("addOwnPreset", "analysisRate", "analyzeInterleaved",
            "couplingInputSize", "learnPreference", "livePush", "liveStart", "loadCouplingModel", "loadModel",
            "loadPairLibrary", "loadPartnerPresets", "modelLabels", "preferenceSummary", "preferenceUpdate", "replan",
            "scorePairs", "setPickPolicy", "setPresetPreferences", "unloadCouplingModel", "unloadModel", "version");

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void productBuildExportsTheProductApiAndAnalysesAlike() {
        Map<String, Object> r = (Map<String, Object>) page.evaluate("async () => {"
                + " const product = await TeaVM.wasmGC.load('/product/engine/aivj-engine.wasm');"
                + " const pcm = await harness.pcm('mono-short');"
                + " const names = Object.getOwnPropertyNames(product.exports).filter((n) => typeof product.exports[n] === 'function'"
                + "   && !n.startsWith('teavm')).sort();"
                + " return { names, rate: product.exports.analysisRate(),"
                + "   product: product.exports.analyzeInterleaved(pcm, 1, 44100),"
                + "   instrumented: harness.engine.exports.analyzeInterleaved(pcm, 1, 44100) }; }");
        assertEquals(PRODUCT_EXPORTS, r.get("names"), "the product build's exports");
        assertEquals(AnalysisSettings.SAMPLE_RATE, ((Number) r.get("rate")).intValue());
        assertTrue(((String) r.get("product")).startsWith("{\"engineVersion\""), "product analyzeInterleaved failed");
        assertEquals(r.get("instrumented"), r.get("product"), "the two builds compile the same engine");
    }

    @Test
    @Order(3)
    void versionMatchesEngineInfo() {
        assertEquals(EngineInfo.VERSION, page.evaluate("() => window.harness.engine.exports.version()"));
    }

    @Test
    @Order(4)
    void fullAnalysisOfMonoSongMatchesJvm() throws Exception {
        String expected = PlanJson.write(new SongPlan(new AudioAnalyzer().analyze(mono, 1, song.sampleRate()), null, null), true);
        String actual = (String) call("analyzeFull", "mono", song.sampleRate()).get("out");
        JsonNode e = JSON.readTree(expected);
        JsonNode a = JSON.readTree(actual);
        assertTrue(a.has("logMel") && a.get("logMel").get("values").size() > 0, "analyzeFull has no logMel");
        assertParity("analyzeFull (mono, with log-mel)", e, a);
    }

    @Test
    @Order(5)
    void interleavedAnalysisOfStereoSongMatchesJvm() throws Exception {
        String expected = PlanJson.write(new SongPlan(new AudioAnalyzer().analyze(song.interleaved(), song.channels(), song.sampleRate()), null, null), false);
        String actual = (String) call("analyzeInterleaved", "interleaved", song.channels(), song.sampleRate())
                .get("out");
        JsonNode a = JSON.readTree(actual);
        assertEquals(song.channels(), a.get("inputChannels").asInt());
        assertParity("analyzeInterleaved (" + song.channels() + " ch)", JSON.readTree(expected), a);
    }

    @Test
    @Order(6)
    void badInputReturnsErrorJsonNotATrap() throws Exception {
        AudioAnalyzer jvm = new AudioAnalyzer();
        float[] some = Arrays.copyOf(mono, 4096);
        Object[][] cases = {
            {"analyze", "empty", new Object[] {44100}, new float[0], 1, 44100},
            {"analyze", "mono-short", new Object[] {0}, some, 1, 0},
            {"analyzeFull", "empty", new Object[] {44100}, new float[0], 1, 44100},
            {"analyzeInterleaved", "mono-short", new Object[] {0, 44100}, some, 0, 44100},
            {"analyzeInterleaved", "empty", new Object[] {2, 0}, new float[0], 2, 0},
            {"benchStages", "mono-short", new Object[] {1, 0}, some, 1, 0},
        };
        for (Object[] c : cases) {
            String fn = (String) c[0];
            Map<String, Object> r = call(fn, (String) c[1], (Object[]) c[2]);
            JsonNode node = JSON.readTree((String) r.get("out"));
            assertEquals(List.of("error"), iterableToList(node.fieldNames()), fn + " should return {\"error\":...}");
            String message = node.get("error").asText();
            IllegalArgumentException jvmError = assertThrows(IllegalArgumentException.class,
                    () -> jvm.analyze((float[]) c[3], (int) c[4], (int) c[5]));
            assertEquals(jvmError.getMessage(), message, fn + " error message");
            System.out.println("  " + fn + "(" + c[1] + ", " + Arrays.toString((Object[]) c[2]) + ") -> " + r.get("out"));
        }
        // The engine still works after errors.
        assertTrue(((String) call("analyze", "mono-short", song.sampleRate()).get("out")).startsWith("{\"engineVersion\""));
    }

    @Test
    @Order(7)
    void engineLoadsAndRunsInAWebWorker() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) page.evaluate(
                "([name, sr]) => window.harness.runInWorker(name, sr)", List.of("mono-short", song.sampleRate()));
        assertTrue(!r.containsKey("failure"), "worker failed: " + r.get("failure"));
        assertEquals(EngineInfo.VERSION, r.get("version"));
        String mainThread = (String) call("analyze", "mono-short", song.sampleRate()).get("out");
        assertEquals(mainThread, r.get("json"), "worker and main thread disagree");
        float[] shortMono = Arrays.copyOf(mono, Math.min(mono.length, WORKER_SECONDS * song.sampleRate()));
        assertParity("analyze in Worker (first " + WORKER_SECONDS + " s)",
                JSON.readTree(PlanJson.write(new SongPlan(new AudioAnalyzer().analyze(shortMono, 1, song.sampleRate()), null, null), false)),
                JSON.readTree((String) r.get("json")));
        assertTrue(((String) r.get("error")).startsWith("{\"error\":"), "worker error path: " + r.get("error"));
        // Loading (page and worker) fetched nothing that is missing, e.g. no debug-info file.
        assertTrue(harness.requestLog.stream().noneMatch(line -> line.endsWith(" 404")), "404s: " + harness.requestLog);
    }

    @Test
    @Order(8)
    void modelLoadsFromInt8ArrayAndUint8ArrayAndBadBundlesGiveErrorJson() throws Exception {
        Map<String, Object> r = loadModel("int8", null);
        assertEquals("", r.get("result"), "loadModel(Int8Array)");
        assertEquals(JSON.writeValueAsString(FixtureBundles.LABELS), r.get("labels"));
        r = loadModel("uint8", null);
        assertEquals("", r.get("result"), "loadModel(Uint8Array)");
        System.out.printf("  loadModel(Uint8Array, %,d bytes) in Wasm: %.1f ms%n", FixtureBundles.weights().length,
                ((Number) r.get("ms")).doubleValue());
        String badManifest = FixtureBundles.manifest().replaceFirst("\"sha256\":\"[0-9a-f]", "\"sha256\":\"x");
        String jvmMessage = assertThrows(IllegalArgumentException.class,
                () -> MusicModel.load(badManifest, FixtureBundles.weights())).getMessage();
        r = loadModel("uint8", badManifest);
        assertEquals(EngineSession.errorJson(jvmMessage), r.get("result"));
        r = loadModel("uint8", "not json");
        assertTrue(((String) r.get("result")).startsWith("{\"error\":"), "bad manifest: " + r.get("result"));
        System.out.println("  loadModel(bad sha256) -> " + EngineSession.errorJson(jvmMessage));
        // The good model stays loaded after failed loads.
        assertEquals(JSON.writeValueAsString(FixtureBundles.LABELS), r.get("labels"));
    }

    @Test
    @Order(9)
    void modelOutputsMatchJvmAndInferenceTiming() throws Exception {
        assertEquals("", loadModel("uint8", null).get("result"));
        MusicModel model = FixtureBundles.model();
        int sr = song.sampleRate();
        AnalysisResult result = new AudioAnalyzer().analyze(mono, 1, sr);
        double[] jvm = new double[6];
        SongStyle style = null;
        for (int i = 0; i < jvm.length; i++) {
            long t0 = System.nanoTime();
            style = SongStyle.analyze(model, result);
            jvm[i] = (System.nanoTime() - t0) / 1e6;
        }
        JsonNode expected = JSON.readTree(PlanJson.write(new SongPlan(result, style, null), true));
        double[] wasm = new double[6];
        String actual = null;
        for (int i = 0; i < wasm.length; i++) {
            actual = (String) call("analyzeFull", "mono", sr).get("out");
            wasm[i] = ((Number) page.evaluate("() => window.harness.engine.exports.lastModelMillis()")).doubleValue();
        }
        JsonNode a = JSON.readTree(actual);
        assertTrue(a.has("style") && a.has("segments") && a.has("modelSteps"), "Wasm analysis has no model output: "
                + actual.substring(0, Math.min(400, actual.length())));
        assertEquals(style.output().steps() * FixtureBundles.LABELS.length, a.get("modelSteps").get("style").size());
        JsonParity steps = new JsonParity(MODEL_TOLERANCE).compare(expected.get("modelSteps"), a.get("modelSteps"));
        System.out.println("Parity model steps (" + style.output().steps() + " steps): " + steps.summary());
        assertTrue(steps.mismatches.isEmpty(), "model steps differ:\n  " + String.join("\n  ", steps.mismatches));
        JsonParity derived = new JsonParity(MODEL_TOLERANCE).compare(expected.get("style"), a.get("style"))
                .compare(expected.get("segments"), a.get("segments"));
        System.out.println("Parity style + " + a.get("segments").size() + " segments: " + derived.summary());
        assertTrue(derived.mismatches.isEmpty(), "style differs:\n  " + String.join("\n  ", derived.mismatches));
        assertParity("analyzeFull with model (whole document)", expected, a);
        // Interleaved with the model: style present and equal to the JVM's.
        AnalysisResult stereo = new AudioAnalyzer().analyze(song.interleaved(), song.channels(), sr);
        JsonNode es = JSON.readTree(PlanJson.write(new SongPlan(stereo, SongStyle.analyze(model, stereo), null), false));
        JsonNode as = JSON.readTree((String) call("analyzeInterleaved", "interleaved", song.channels(), sr).get("out"));
        JsonParity st = new JsonParity(MODEL_TOLERANCE).compare(es, as);
        System.out.println("Parity analyzeInterleaved with model: " + st.summary());
        assertTrue(st.mismatches.isEmpty(), "interleaved with model differs:\n  " + String.join("\n  ", st.mismatches));

        timingRows.add(String.format("  %-44s %10s %14s", "model inference (" + style.output().steps()
                + " steps, " + String.format("%.0f", (double) mono.length / sr) + " s)", "first [ms]",
                "median of 5 [ms]"));
        timingRows.add(String.format("  %-44s %10.1f %14.1f", "JVM (HotSpot " + Runtime.version().feature() + ")",
                jvm[0], median(Arrays.copyOfRange(jvm, 1, 6))));
        timingRows.add(String.format("  %-44s %10.1f %14.1f", "Wasm GC (" + browser.version() + ")",
                wasm[0], median(Arrays.copyOfRange(wasm, 1, 6))));

        page.evaluate("() => window.harness.engine.exports.unloadModel()");
        JsonNode plain = JSON.readTree((String) call("analyze", "mono-short", sr).get("out"));
        assertTrue(!plain.has("style") && !plain.has("segments"), "unloadModel left the model loaded");
    }

    /**
     * Last: it loads a pair library, which stays loaded. Prints Wasm's stage times for the stereo 44.1 kHz song and
     * for its mono 22.05 kHz resampling (what the page sends); the checksums must agree with the JVM's.
     */
    @Test
    @Order(10)
    void stageBenchmarkMatchesJvmAndPrintsStageTimes() throws Exception {
        assertEquals("", loadModel("uint8", null).get("result"));
        String library = TestLibraries.generatedJson(40, 3);
        assertEquals("", page.evaluate("(j) => window.harness.engine.exports.loadPairLibrary(j)", library));
        int sr = song.sampleRate();
        StageBenchmark jvmBench = new StageBenchmark(FixtureBundles.model(), PairLibrary.parse(library),
                PairPlan.DEFAULT_SEED);
        float[] appInput = new AudioAnalyzer().prepare(mono, 1, sr).signal();
        harness.floats("mono-22050", appInput);
        String seconds = String.format("%.0f", (double) mono.length / sr);
        timingRows.add(String.format("  %-44s %s", "benchStages (" + seconds + " s), median of 5 [ms]",
                "prepare features tempo  model recommend  total"));
        benchStages(jvmBench, "interleaved", song.interleaved(), song.channels(), sr);
        benchStages(jvmBench, "mono-22050", appInput, 1, AnalysisSettings.SAMPLE_RATE);
        double[] copy = new double[5];
        for (int i = 0; i < copy.length; i++) {
            Map<String, Object> r = call("echoLength", "interleaved");
            assertEquals(song.interleaved().length, ((Number) r.get("out")).intValue());
            copy[i] = ((Number) r.get("ms")).doubleValue();
        }
        page.evaluate("() => window.harness.engine.exports.unloadModel()");
        timingRows.add(String.format("  %-44s %7.1f", "  echoLength: interleaved Float32Array -> float[]", median(copy)));
    }

    /** A warm-up and 5 timed runs on each engine; adds their medians to the timing rows. */
    private void benchStages(StageBenchmark jvmBench, String pcmName, float[] pcm, int channels, int sampleRate)
            throws Exception {
        StageTimes[] jvm = new StageTimes[5];
        StageBenchmark.Run jvmRun = null;
        for (int i = -1; i < jvm.length; i++) {
            jvmRun = jvmBench.run(pcm, channels, sampleRate);
            if (i >= 0) {
                jvm[i] = jvmRun.times();
            }
        }
        StageTimes[] wasm = new StageTimes[5];
        JsonNode first = null;
        for (int i = -1; i < wasm.length; i++) {
            JsonNode r = JSON.readTree((String) call("benchStages", pcmName, channels, sampleRate).get("out"));
            assertTrue(r.has("stages"), "benchStages failed: " + r);
            JsonNode s = r.get("stages");
            if (i >= 0) {
                wasm[i] = new StageTimes(s.get("prepare").asDouble(), s.get("features").asDouble(),
                        s.get("tempo").asDouble(), s.get("model").asDouble(), s.get("recommend").asDouble(),
                        r.get("total").asDouble());
            } else {
                first = r;
            }
        }
        assertEquals(jvmRun.frames(), first.get("frames").asInt());
        double checksum = first.get("checksum").asDouble();
        assertEquals(jvmRun.checksum(), checksum, 1e-6 * Math.abs(jvmRun.checksum()), "Wasm and JVM checksums");
        String input = channels + " ch " + sampleRate + " Hz";
        timingRows.add(stageRow("JVM (HotSpot " + Runtime.version().feature() + "), " + input, StageTimes.median(jvm)));
        timingRows.add(stageRow("Wasm GC (" + browser.version() + "), " + input, StageTimes.median(wasm)));
    }

    /** The shipped, trained model (not only the fixture) reads a real song in Wasm as engine-core does on HotSpot. */
    @Test
    @Order(12)
    @SuppressWarnings("unchecked")
    void shippedModelMatchesJvm() throws Exception {
        Map<String, Object> loaded = (Map<String, Object>) page.evaluate(
                "() => window.harness.loadModel('uint8', null, '/shipped/')");
        assertEquals("", loaded.get("result"));
        MusicModel model = MusicModel.load(Files.readString(SHIPPED_MODEL.resolve("manifest.json")),
                Files.readAllBytes(SHIPPED_MODEL.resolve("weights.bin")));
        int sr = song.sampleRate();
        AnalysisResult result = new AudioAnalyzer().analyze(mono, 1, sr);
        JsonNode expected = JSON.readTree(PlanJson.write(new SongPlan(result, SongStyle.analyze(model, result), null),
                true));
        JsonNode actual = JSON.readTree((String) call("analyzeFull", "mono", sr).get("out"));
        assertEquals(expected.path("style").path("label").asText(), actual.path("style").path("label").asText());
        JsonParity steps = new JsonParity(MODEL_TOLERANCE).compare(expected.get("modelSteps"), actual.get("modelSteps"));
        System.out.println("Parity shipped model (" + expected.get("style").get("steps") + " steps, reads "
                + expected.path("style").path("label").asText() + "): " + steps.summary());
        assertTrue(steps.numbersCompared > 1000, "compared " + steps.numbersCompared);
        assertTrue(steps.mismatches.isEmpty(), "shipped model differs:\n  " + String.join("\n  ", steps.mismatches));
        page.evaluate("() => window.harness.engine.exports.unloadModel()");
    }

    /** Live pushes of 0.5 s at 22050 Hz give the JVM's updates; prints Wasm's time per push. */
    @Test
    @Order(11)
    @SuppressWarnings("unchecked")
    void livePushesMatchJvm() throws Exception {
        assertEquals("", loadModel("uint8", null).get("result"));
        int sr = song.sampleRate();
        float[] signal = new AudioAnalyzer().prepare(Arrays.copyOf(mono, LIVE_SECONDS * sr), 1, sr).signal();
        Arrays.fill(signal, signal.length / 3, signal.length / 2, 0f); // silent steps: "none" with a reason
        harness.floats("live-22050", signal);
        // The live show picks pairs from the session's library (the default seed): the same one on both sides.
        String library = TestLibraries.generatedJson(40, 3);
        assertEquals("", page.evaluate("(j) => window.harness.engine.exports.loadPairLibrary(j)", library));
        LiveShow jvm = new LiveShow(new LiveAnalyzer(FixtureBundles.model()), PairLibrary.parse(library),
                PairPlan.DEFAULT_SEED, LiveShow.DEFAULT_SENSITIVITY);
        List<String> expected = new ArrayList<>();
        for (int start = 0; start < signal.length; start += LIVE_CHUNK) {
            float[] part = Arrays.copyOfRange(signal, start, Math.min(signal.length, start + LIVE_CHUNK));
            expected.add(EngineSession.liveJson(jvm.push(part), jvm.labels()));
        }
        Map<String, Object> r = (Map<String, Object>) page.evaluate("async ([name, chunk]) => {"
                + " const pcm = await window.harness.pcm(name); const e = window.harness.engine.exports;"
                + " const outs = [], ms = []; e.liveStart();"
                + " for (let i = 0; i < pcm.length; i += chunk) {"
                + "   const part = pcm.subarray(i, Math.min(pcm.length, i + chunk)); const t0 = performance.now();"
                + "   outs.push(e.livePush(part)); ms.push(performance.now() - t0); }"
                + " return { outs: outs, ms: ms }; }", List.of("live-22050", LIVE_CHUNK));
        List<String> actual = (List<String>) r.get("outs");
        assertEquals(expected.size(), actual.size());
        JsonParity parity = new JsonParity(MODEL_TOLERANCE);
        for (int i = 0; i < expected.size(); i++) {
            parity.compare(JSON.readTree(expected.get(i)), JSON.readTree(actual.get(i)));
        }
        System.out.println("Parity livePush (" + expected.size() + " pushes): " + parity.summary());
        assertTrue(parity.mismatches.isEmpty(), "livePush differs:\n  " + String.join("\n  ", parity.mismatches));
        assertTrue(JSON.readTree(actual.get(actual.size() - 1)).get("style").isTextual(), "no style after "
                + LIVE_SECONDS + " s");
        assertTrue(actual.stream().anyMatch(o -> o.contains("\"style\":\"none\"")), "no silent update");
        assertTrue(actual.stream().anyMatch(o -> o.contains("\"sectionStarted\":true")), "no live section");
        page.evaluate("() => window.harness.engine.exports.unloadModel()");
        double[] ms = ((List<Number>) r.get("ms")).stream().mapToDouble(Number::doubleValue).toArray();
        timingRows.add(String.format("  %-44s %7.2f", "livePush(0.5 s at 22050 Hz), Wasm median [ms]", median(ms)));
    }

    private static String stageRow(String label, StageTimes t) {
        return String.format("  %-44s %7.1f %8.1f %5.1f %6.1f %9.1f %6.1f", label, t.prepare(), t.features(),
                t.tempo(), t.model(), t.recommend(), t.total());
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private Map<String, Object> call(String fn, String pcmName, Object... args) {
        return (Map<String, Object>) page.evaluate("([fn, name, args]) => window.harness.call(fn, name, args)",
                List.of(fn, pcmName, List.of(args)));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> loadModel(String bytesKind, String manifestOverride) {
        java.util.List<Object> args = new ArrayList<>();
        args.add(bytesKind);
        args.add(manifestOverride);
        return (Map<String, Object>) page.evaluate("([k, m]) => window.harness.loadModel(k, m)", args);
    }

    private void assertParity(String label, JsonNode expected, JsonNode actual) {
        JsonParity parity = new JsonParity(TOLERANCE).compare(expected, actual);
        System.out.println("Parity " + label + ": " + parity.summary());
        assertTrue(parity.numbersCompared > 0, "nothing compared");
        if (!parity.mismatches.isEmpty()) {
            dumpForDiagnosis(label, expected, actual);
        }
        assertTrue(parity.mismatches.isEmpty(), label + " differs:\n  " + String.join("\n  ", parity.mismatches));
    }

    /** Writes both sides to target/parity-failures/ so a failure can be inspected offline. */
    private static void dumpForDiagnosis(String label, JsonNode expected, JsonNode actual) {
        try {
            Path dir = Path.of("target", "parity-failures");
            Files.createDirectories(dir);
            String name = label.replaceAll("[^A-Za-z0-9]+", "-");
            Files.writeString(dir.resolve(name + ".jvm.json"), expected.toString());
            Files.writeString(dir.resolve(name + ".wasm.json"), actual.toString());
            System.out.println("Wrote both JSON outputs to " + dir.toAbsolutePath());
        } catch (IOException e) {
            System.out.println("Could not write parity dump: " + e);
        }
    }

    static float[] mixToMono(float[] interleaved, int channels) {
        if (channels == 1) {
            return interleaved.clone();
        }
        float[] out = new float[interleaved.length / channels];
        for (int i = 0; i < out.length; i++) {
            float sum = 0f;
            for (int c = 0; c < channels; c++) {
                sum += interleaved[i * channels + c];
            }
            out[i] = sum / channels;
        }
        return out;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static <T> List<T> iterableToList(java.util.Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
