package dev.aivj.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * `aivj bench --quick` with 2 runs on the 30-s excerpt of "Metal madness", in headless Chromium against the real
 * server, Wasm engine, bundled model, TensorFlow.js and ONNX Runtime Web. Asserts what the bench reports, never how fast it is.
 */
class BenchCommandTest {
    private static BenchReport report;

    @BeforeAll
    static void runQuickBench() throws Exception {
        report = BenchRunner.run(BenchOptions.parse(new String[] {"--quick", "--runs", "2"}), System.err);
        System.out.println(report.format());
    }

    private static List<BenchRow> rows(String runtimePrefix) {
        return report.table().rows().stream().filter(r -> r.runtime().startsWith(runtimePrefix)).toList();
    }

    @Test
    void tableHasEveryRowForTheExcerpt() {
        Set<String> songs = report.table().rows().stream().map(BenchRow::song).collect(Collectors.toSet());
        assertEquals(Set.of("Metal madness (excerpt 0–30 s)"), songs, "--quick benchmarks the excerpt only");
        List<String> stages = List.of("prepare", "features", "tempo", "model", "recommend", "total");
        assertEquals(stages, rows("1 HotSpot").stream().map(BenchRow::measure).toList());
        List<String> wasm = rows("2 Wasm").stream().map(BenchRow::measure).toList();
        assertTrue(wasm.containsAll(stages), "Wasm stage rows: " + wasm);
        assertTrue(wasm.stream().anyMatch(m -> m.startsWith("audio in: echoLength")), "audio-in row: " + wasm);
        assertTrue(wasm.stream().anyMatch(m -> m.startsWith("results out: JSON.parse")), "results-out row: " + wasm);
        assertTrue(rows("2 Wasm").stream().filter(r -> r.measure().equals("total"))
                .allMatch(r -> !Double.isNaN(r.firstMs())), "the cold first call is reported apart");
        List<String> app = rows("2b Wasm, app path").stream().map(BenchRow::measure).toList();
        assertTrue(app.containsAll(stages), "app-path stage rows: " + app);
        assertTrue(app.stream().anyMatch(m -> m.startsWith("analysis signal")), "analysis signal row: " + app);
        assertTrue(app.stream().anyMatch(m -> m.startsWith("warm-up")), "warm-up row: " + app);
        List<String> tfjs = rows("3 tfjs").stream().map(BenchRow::runtime).toList();
        assertEquals(3, tfjs.size(), "tfjs wasm on one thread, wasm threaded, cpu: " + tfjs);
        assertTrue(tfjs.get(0).endsWith("wasm 1 thread SIMD") && tfjs.get(1).contains("wasm threaded")
                && tfjs.get(2).endsWith("cpu"), "tfjs configurations: " + tfjs);
        List<String> ort = rows("3 ort-web").stream().map(BenchRow::runtime).toList();
        assertEquals(2, ort.size(), "ONNX Runtime Web wasm on one thread and threaded: " + ort);
        assertTrue(ort.get(0).equals("3 ort-web 1.30.0 wasm 1 thread SIMD")
                && ort.get(1).startsWith("3 ort-web 1.30.0 wasm threaded (") && ort.get(1).endsWith("cores) SIMD"),
                "ONNX Runtime Web configurations (the threaded one must really run threaded): " + ort);
        List<String> essentia = rows("6 Essentia.js").stream().map(BenchRow::measure).toList();
        assertEquals(2, essentia.size(), "Essentia.js rows: " + essentia);
        assertTrue(essentia.get(0).startsWith("64-band log-mel") && essentia.get(1).startsWith("RhythmExtractor2013"),
                "Essentia.js rows: " + essentia);
        assertEquals(1, rows("4 Wasm live").size(), "live hop row");
        assertEquals(7, rows("5 app page").size(), "app page rows: gaps idle, worker analysing (all; no preset "
                + "loading), drop→ready; "
                + "decoded → plan on, → first frame drawn on it, → first frame with its pair loaded");
        String text = report.format();
        for (String target : List.of("Wasm total < 100 ms", "Wasm ≤ 1.3× HotSpot",
                "Wasm model ≥ 3× faster than the best peer (tfjs, ONNX Runtime Web)", "live hop p95 < 1 ms",
                "render loop not blocked", "first music-aware frame < 100 ms after decode",
                "front end ≥ 50× faster than Essentia.js")) {
            assertTrue(text.contains(target), "target line '" + target + "' in\n" + text);
        }
    }

    @Test
    void figuresAreFiniteAndPositive() {
        for (BenchRow r : report.table().rows()) {
            String what = r.runtime() + " / " + r.measure();
            assertTrue(r.stats().runs() >= 1, what);
            for (double v : new double[] {r.stats().median(), r.stats().p95()}) {
                assertTrue(Double.isFinite(v) && v > 0, what + ": " + v);
            }
            assertTrue(Double.isNaN(r.firstMs()) || (Double.isFinite(r.firstMs()) && r.firstMs() > 0),
                    what + " first: " + r.firstMs());
            assertTrue(r.stats().p95() >= r.stats().median(), what + ": p95 below median");
        }
    }

    @Test
    void tensorFlowJsReproducesTheEngineModel() {
        assertReproduces(report.peers("tfjs"), 3);
    }

    /** The ONNX export (dev.aivj.bench.onnx) is the engine's network: ORT's outputs are the engine's own. */
    @Test
    void onnxRuntimeWebReproducesTheEngineModel() {
        assertReproduces(report.peers("ort-web"), 2);
        assertTrue(report.peersMatch());
    }

    private static void assertReproduces(List<PeerModelResult> results, int configurations) {
        assertEquals(configurations, results.size());
        for (PeerModelResult r : results) {
            assertTrue(r.steps() > 100, r.runtime() + " steps: " + r.steps());
            assertTrue(r.maxAbsDelta() < 1e-3, r.runtime() + ": max |Δ| = " + r.maxAbsDelta());
        }
    }
}
