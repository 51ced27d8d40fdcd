package dev.aivj.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import dev.aivj.engine.coupling.CouplingModel;
import dev.aivj.engine.coupling.CouplingModelSpec;
import dev.aivj.engine.coupling.CouplingScore;
import dev.aivj.engine.coupling.CouplingTestBundles;
import dev.aivj.engine.looks.PresetVector;
import dev.aivj.engine.model.FixtureBundles;
import dev.aivj.engine.model.ModelBundle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The coupling model in the TeaVM Wasm GC build (headless Chromium, {@link WasmHarness}) against engine-core on
 * HotSpot: {@code loadCouplingModel} / {@code scorePairs} on GENERATED TEST WEIGHTS ({@link CouplingTestBundles},
 * attention and adaptive weights on) for {@value #PAIRS} seeded random pairs of realistic-scale preset vectors; every
 * output (quality, w_s, w_t, S, T) must agree within {@value #TOLERANCE}. Bad bundles and calls must give
 * {@code {"error":...}}, never a trap.
 *
 * <p>A trained bundle can be checked too: {@code -Daivj.couplingBundle=DIR} (a folder with {@code manifest.json} and
 * {@code weights.bin}) adds a parity run on it, with random vectors around the bundle's own normaliser (and
 * realistic-scale preset vectors when its vector layout is this engine's).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WasmCouplingParityTest {
    static final double TOLERANCE = 1e-4;
    static final int PAIRS = 200;
    static final long PAIR_SEED = 77_2026L;
    static final String BUNDLE_PROPERTY = "aivj.couplingBundle";
    static final Path SHIPPED_BUNDLE = Path.of("../web-frontend/src/main/resources/web/models/coupling-v1");
    static final String[] OUTPUTS = {"quality", "w_s", "w_t", "S", "T"};
    static final ObjectMapper JSON = new ObjectMapper();

    private WasmHarness harness;
    private Page page;
    private CouplingTestBundles fixture;

    @BeforeAll
    void setUp() throws Exception {
        harness = WasmHarness.start();
        page = harness.page();
        fixture = CouplingTestBundles.fixture();
        serveBundle("fixture", fixture.manifest(), fixture.weights());
        // The music model's UNTRAINED fixture, to check that the two model slots are independent.
        harness.route("model/manifest.json", FixtureBundles.manifest().getBytes(StandardCharsets.UTF_8));
        harness.route("model/weights.bin", FixtureBundles.weights());
    }

    @AfterAll
    void tearDown() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    @Order(1)
    void scorePairsWithoutAModelGivesErrorJson() throws Exception {
        assertEquals(0, ((Number) page.evaluate("() => window.harness.engine.exports.couplingInputSize()")).intValue());
        harness.floats("one-upper", CouplingTestBundles.realisticVector(new Random(1)));
        String out = scorePairs("one-upper", "one-upper", 1);
        assertEquals(EngineSession.errorJson(
                "coupling model: no coupling model is loaded (call loadCouplingModel first)"), out);
        System.out.println("  scorePairs before loadCouplingModel -> " + out);
    }

    @Test
    @Order(2)
    void generatedBundleMatchesHotSpot() throws Exception {
        CouplingModelSpec spec = fixture.spec();
        assertTrue(spec.attention() && spec.adaptiveWeights(), "fixture has attention and adaptive weights");
        Map<String, Object> r = loadCoupling("fixture", null);
        assertEquals("", r.get("result"), "loadCouplingModel(generated bundle)");
        assertEquals(PresetVector.LENGTH, ((Number) r.get("inputSize")).intValue());
        System.out.printf("  loadCouplingModel(%,d bytes of GENERATED TEST WEIGHTS) in Wasm: %.1f ms%n",
                fixture.weights().length, ((Number) r.get("ms")).doubleValue());

        Random rnd = new Random(PAIR_SEED);
        float[][] uppers = new float[PAIRS][];
        float[][] lowers = new float[PAIRS][];
        for (int i = 0; i < PAIRS; i++) {
            uppers[i] = CouplingTestBundles.realisticVector(rnd);
            lowers[i] = CouplingTestBundles.realisticVector(rnd);
        }
        lowers[0] = uppers[0].clone(); // the same preset on both layers: S = T = 1
        Arrays.fill(uppers[1], 0f);
        uppers[2][0] = 1e6f; // clipped by the normaliser
        lowers[2][5] = -1e6f;
        parity("generated bundle (attention + adaptive weights)", fixture.load(), "fixture", uppers, lowers);
    }

    @Test
    @Order(3)
    void corruptBundlesAndBadCallsGiveErrorJson() throws Exception {
        assertEquals("", loadCoupling("fixture", null).get("result"));
        float[][] some = {CouplingTestBundles.realisticVector(new Random(5)),
            CouplingTestBundles.realisticVector(new Random(6)), CouplingTestBundles.realisticVector(new Random(7))};
        harness.floats("bad-uppers", concat(some[0], some[1]));
        harness.floats("bad-lowers", concat(some[2], some[0]));
        String good = scorePairs("bad-uppers", "bad-lowers", 2);
        assertTrue(good.startsWith("{\"pairs\":[{\"quality\":"), good);

        // Corrupt weights (one flipped bit): the same message as engine-core on HotSpot, the old model stays.
        byte[] corrupt = fixture.weights();
        corrupt[corrupt.length / 2] ^= 0x20;
        serveBundle("corrupt", fixture.manifest(), corrupt);
        expectLoadError("corrupt", null, () -> CouplingModel.load(fixture.manifest(), corrupt), good);
        byte[] truncated = Arrays.copyOf(fixture.weights(), fixture.weights().length - 8);
        serveBundle("truncated", fixture.manifest(), truncated);
        expectLoadError("truncated", null, () -> CouplingModel.load(fixture.manifest(), truncated), good);
        String badSha = fixture.manifest().replaceFirst("\"sha256\":\"[0-9a-f]", "\"sha256\":\"x");
        expectLoadError("fixture", badSha, () -> CouplingModel.load(badSha, fixture.weights()), good);
        serveBundle("music", FixtureBundles.manifest(), FixtureBundles.weights());
        expectLoadError("music", null, () -> CouplingModel.load(FixtureBundles.manifest(), FixtureBundles.weights()),
                good);
        Map<String, Object> r = loadCoupling("fixture", "not json");
        assertTrue(((String) r.get("result")).startsWith("{\"error\":\"model bundle: manifest is not valid JSON"),
                "bad manifest: " + r.get("result"));
        assertEquals(good, scorePairs("bad-uppers", "bad-lowers", 2), "old model stays after a failed load");

        // Bad calls.
        int n = PresetVector.LENGTH;
        assertEquals(EngineSession.errorJson("coupling model: uppers and lowers must each hold count * inputSize = 3 * "
                + n + " = " + 3 * n + " floats, got " + 2 * n + " and " + 2 * n),
                scorePairs("bad-uppers", "bad-lowers", 3));
        assertEquals(EngineSession.errorJson("coupling model: uppers and lowers must each hold count * inputSize = 2 * "
                + n + " = " + 2 * n + " floats, got " + 2 * n + " and 0"), scorePairs("bad-uppers", "empty", 2));
        assertEquals(EngineSession.errorJson("coupling model: count must be >= 0, got -1"),
                scorePairs("bad-uppers", "bad-lowers", -1));
        assertEquals("{\"pairs\":[]}", scorePairs("empty", "empty", 0));
        float[] nan = concat(some[0], some[1]);
        nan[n + 5] = Float.NaN;
        harness.floats("nan-uppers", nan);
        assertEquals(EngineSession.errorJson("pair 1: coupling model: the upper preset vector's slot 5 is not finite"),
                scorePairs("nan-uppers", "bad-lowers", 2));
        System.out.println("  scorePairs(NaN in pair 1) -> " + scorePairs("nan-uppers", "bad-lowers", 2));

        // The music model has its own slot: loading, unloading either leaves the other alone.
        assertEquals("[]", page.evaluate("() => window.harness.engine.exports.modelLabels()"));
        @SuppressWarnings("unchecked")
        Map<String, Object> music = (Map<String, Object>) page.evaluate("() => window.harness.loadModel('uint8', null)");
        assertEquals("", music.get("result"));
        assertEquals(good, scorePairs("bad-uppers", "bad-lowers", 2), "coupling model after loadModel");
        page.evaluate("() => window.harness.engine.exports.unloadModel()");
        assertEquals(good, scorePairs("bad-uppers", "bad-lowers", 2), "coupling model after unloadModel");
        page.evaluate("() => window.harness.loadModel('uint8', null)");
        page.evaluate("() => window.harness.engine.exports.unloadCouplingModel()");
        assertEquals(JSON.writeValueAsString(FixtureBundles.LABELS),
                page.evaluate("() => window.harness.engine.exports.modelLabels()"), "music model after unloadCouplingModel");
        assertTrue(scorePairs("bad-uppers", "bad-lowers", 2).startsWith("{\"error\":\"coupling model: no coupling"));
        page.evaluate("() => window.harness.engine.exports.unloadModel()");
        assertEquals("", loadCoupling("fixture", null).get("result"));
        assertEquals(good, scorePairs("bad-uppers", "bad-lowers", 2));
    }

    /** The shipped, trained coupling model (or {@code -Daivj.couplingBundle=DIR}): Wasm equals HotSpot on it. */
    @Test
    @Order(4)
    void bundleFromSystemPropertyMatchesHotSpot() throws Exception {
        String dirName = System.getProperty(BUNDLE_PROPERTY, "");
        Path dir = dirName.isBlank() ? SHIPPED_BUNDLE : Path.of(dirName);
        assumeTrue(Files.isRegularFile(dir.resolve("manifest.json")), "no coupling bundle in " + dir);
        String manifest = Files.readString(dir.resolve("manifest.json"));
        byte[] weights = Files.readAllBytes(dir.resolve("weights.bin"));
        CouplingModel jvm = CouplingModel.load(manifest, weights);
        CouplingModelSpec spec = jvm.spec();
        serveBundle("external", manifest, weights);
        Map<String, Object> r = loadCoupling("external", null);
        assertEquals("", r.get("result"), "loadCouplingModel(" + dir + ")");
        assertEquals(spec.inputSize(), ((Number) r.get("inputSize")).intValue());

        ModelBundle bundle = ModelBundle.load(manifest, weights);
        float[] mean = bundle.tensor("norm.mean");
        float[] std = bundle.tensor("norm.std");
        boolean presetLayout = spec.inputSize() == PresetVector.LENGTH && PresetVector.VERSION.equals(spec.vectorVersion());
        Random rnd = new Random(PAIR_SEED + 1);
        float[][] uppers = new float[PAIRS][];
        float[][] lowers = new float[PAIRS][];
        for (int i = 0; i < PAIRS; i++) {
            boolean preset = presetLayout && i % 2 == 1;
            uppers[i] = preset ? CouplingTestBundles.realisticVector(rnd) : CouplingTestBundles.vectorAround(mean, std, rnd);
            lowers[i] = preset ? CouplingTestBundles.realisticVector(rnd) : CouplingTestBundles.vectorAround(mean, std, rnd);
        }
        parity(dir + " (" + spec.vectorVersion() + ", attention=" + spec.attention() + ", adaptiveWeights="
                + spec.adaptiveWeights() + ")", jvm, "external", uppers, lowers);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    /** Scores the pairs on HotSpot and in Wasm, prints the largest |Δ| of each output and asserts them. */
    private void parity(String label, CouplingModel jvm, String name, float[][] uppers, float[][] lowers)
            throws Exception {
        int count = uppers.length;
        harness.floats(name + "-uppers", concat(uppers));
        harness.floats(name + "-lowers", concat(lowers));
        CouplingScore[] expected = new CouplingScore[count];
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            expected[i] = jvm.score(uppers[i], lowers[i]);
        }
        double jvmMs = (System.nanoTime() - t0) / 1e6;
        Map<String, Object> r = scorePairsTimed(name + "-uppers", name + "-lowers", count);
        String out = (String) r.get("out");
        JsonNode pairs = JSON.readTree(out).get("pairs");
        assertTrue(pairs != null && pairs.isArray(), "scorePairs failed: " + out.substring(0, Math.min(300, out.length())));
        assertEquals(count, pairs.size());
        double[] max = new double[OUTPUTS.length];
        int[] where = new int[OUTPUTS.length];
        double minQ = 1;
        double maxQ = 0;
        for (int i = 0; i < count; i++) {
            CouplingScore e = expected[i];
            float[] jv = {e.quality(), e.spatialWeight(), e.temporalWeight(), e.spatialSimilarity(),
                e.temporalSimilarity()};
            JsonNode p = pairs.get(i);
            assertEquals(List.of(OUTPUTS), WasmParityTest.iterableToList(p.fieldNames()), "keys of pair " + i);
            for (int k = 0; k < OUTPUTS.length; k++) {
                double d = Math.abs(jv[k] - p.get(OUTPUTS[k]).asDouble());
                if (d > max[k]) {
                    max[k] = d;
                    where[k] = i;
                }
            }
            minQ = Math.min(minQ, e.quality());
            maxQ = Math.max(maxQ, e.quality());
        }
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < OUTPUTS.length; k++) {
            parts.add(String.format("%s %.2e", OUTPUTS[k], max[k]));
        }
        System.out.printf("Coupling parity %s: %d pairs, max |Δ| Wasm vs HotSpot: %s (quality %.3f..%.3f)%n", label,
                count, String.join(", ", parts), minQ, maxQ);
        System.out.printf("  scoring %d pairs: HotSpot %.1f ms (first run), Wasm %.1f ms (incl. copies and JSON)%n",
                count, jvmMs, ((Number) r.get("ms")).doubleValue());
        for (int k = 0; k < OUTPUTS.length; k++) {
            assertTrue(max[k] < TOLERANCE, label + ": " + OUTPUTS[k] + " differs by " + max[k] + " at pair " + where[k]
                    + ": HotSpot " + expected[where[k]] + ", Wasm " + pairs.get(where[k]));
        }
    }

    private void expectLoadError(String name, String manifestOverride, org.junit.jupiter.api.function.Executable jvm,
            String goodScores) {
        String message = assertThrows(IllegalArgumentException.class, jvm).getMessage();
        Map<String, Object> r = loadCoupling(name, manifestOverride);
        assertEquals(EngineSession.errorJson(message), r.get("result"), "loadCouplingModel(" + name + ")");
        assertEquals(PresetVector.LENGTH, ((Number) r.get("inputSize")).intValue(), "old model stays loaded");
        assertEquals(goodScores, scorePairs("bad-uppers", "bad-lowers", 2), "old model stays after " + name);
        System.out.println("  loadCouplingModel(" + name + (manifestOverride != null ? ", edited manifest" : "")
                + ") -> " + r.get("result"));
    }

    private void serveBundle(String name, String manifest, byte[] weights) {
        harness.route("coupling/" + name + "/manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
        harness.route("coupling/" + name + "/weights.bin", weights);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> loadCoupling(String name, String manifestOverride) {
        List<Object> args = new ArrayList<>();
        args.add(name);
        args.add(manifestOverride);
        return (Map<String, Object>) page.evaluate("([n, m]) => window.harness.loadCoupling(n, m)", args);
    }

    private String scorePairs(String uppers, String lowers, int count) {
        return (String) scorePairsTimed(uppers, lowers, count).get("out");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> scorePairsTimed(String uppers, String lowers, int count) {
        return (Map<String, Object>) page.evaluate("([u, l, c]) => window.harness.scorePairs(u, l, c)",
                List.of(uppers, lowers, count));
    }

    private static float[] concat(float[]... vectors) {
        int total = 0;
        for (float[] v : vectors) {
            total += v.length;
        }
        float[] out = new float[total];
        int p = 0;
        for (float[] v : vectors) {
            System.arraycopy(v, 0, out, p, v.length);
            p += v.length;
        }
        return out;
    }
}
