package dev.aivj.bench;

import dev.aivj.bench.onnx.OnnxModelWriter;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs every bench row in one process: decodes the songs once, HotSpot first (the baseline), then the browser
 * rows in one Chromium, and collects the {@link BenchReport}.
 */
public final class BenchRunner {
    /** tfjs configurations compared (backend, threaded): Wasm on one thread and on every core, and plain-JS cpu. */
    static final List<Map.Entry<String, Boolean>> TFJS_CONFIGS = List.of(Map.entry("wasm", false),
            Map.entry("wasm", true), Map.entry("cpu", false));
    /** ONNX Runtime Web configurations compared (threaded): wasm on one thread and on every core. */
    static final List<Boolean> ORT_THREADED = List.of(false, true);
    static final int QUICK_LIVE_HOPS = 20;
    static final int LIVE_HOPS = 120;

    private BenchRunner() {
    }

    public static BenchReport run(BenchOptions options, PrintStream progress) throws Exception {
        BundledEngineData engine = BundledEngineData.load();
        List<BenchSong> songs = new ArrayList<>();
        progress.println("aivj bench: decoding the songs (not timed)...");
        if (!options.quick()) {
            songs.add(BenchSong.warOfFreedom());
        }
        songs.add(BenchSong.metalMadnessExcerpt());
        BenchSong full = options.quick() ? null : songs.get(0);

        BenchTable table = new BenchTable();
        Targets targets = new Targets();
        List<PeerModelResult> peersAll = new ArrayList<>();
        List<HotSpotBench.Result> hotspot = new ArrayList<>();
        List<ModelReference> refs = new ArrayList<>();
        for (BenchSong song : songs) {
            progress.println("aivj bench: HotSpot, " + song.label() + "...");
            hotspot.add(HotSpotBench.run(song, engine, options.runs()));
            refs.add(ModelReference.of(song, engine.model()));
        }
        String chromium;
        boolean fineTimer = true;
        StringBuilder checksums = new StringBuilder();
        try (BrowserSession browser = new BrowserSession()) {
            chromium = browser.chromiumVersion();
            for (int i = 0; i < songs.size(); i++) {
                BenchData.publish(browser.data(), songs.get(i), refs.get(i));
            }
            // The same network for ONNX Runtime Web, written from the bundle the engine loads.
            browser.data().putBytes(OrtComparison.ONNX_FILE, OnnxModelWriter.write(BundledEngineData.musicBundle()));
            for (int i = 0; i < songs.size(); i++) {
                BenchSong song = songs.get(i);
                HotSpotBench.Result base = hotspot.get(i);
                HotSpotBench.addRows(table, song, base);
                progress.println("aivj bench: Wasm in Chromium, " + song.label() + "...");
                WasmBench.Result wasm = WasmBench.run(browser, song, options.runs(), false);
                WasmBench.addRows(table, song, wasm, base);
                progress.println("aivj bench: Wasm on the app's path, " + song.label() + "...");
                WasmBench.Result app = WasmBench.run(browser, song, options.runs(), true);
                WasmBench.addRows(table, song, app, base);
                List<PeerModelResult> peers = new ArrayList<>();
                for (Map.Entry<String, Boolean> config : TFJS_CONFIGS) {
                    progress.println("aivj bench: tfjs " + config.getKey() + (config.getValue() ? " threaded" : "")
                            + ", " + song.label() + "...");
                    peers.add(TfjsComparison.run(browser, song, config.getKey(), config.getValue(), options.runs()));
                }
                for (boolean threaded : ORT_THREADED) {
                    progress.println("aivj bench: ONNX Runtime Web wasm" + (threaded ? " threaded" : "") + ", "
                            + song.label() + "...");
                    peers.add(OrtComparison.run(browser, song, threaded, options.runs()));
                }
                peers.forEach(p -> p.addRow(table, base));
                peersAll.addAll(peers);
                progress.println("aivj bench: Essentia.js, " + song.label() + "...");
                EssentiaComparison.Result essentia = EssentiaComparison.run(browser, song, options.runs());
                EssentiaComparison.addRows(table, song, essentia, base);
                progress.println("aivj bench: live hops, " + song.label() + "...");
                LiveBench.Result live = LiveBench.run(browser, song, options.quick() ? QUICK_LIVE_HOPS : LIVE_HOPS);
                if (song == full) {
                    targets.wasmSong(song, app);
                }
                targets.wasmVsHotSpot(song, wasm, base);
                targets.wasmModelVsPeers(song, wasm, peers);
                targets.frontEndVsEssentia(song, wasm, essentia);
                if (live != null) {
                    LiveBench.addRow(table, song, live);
                    targets.liveHop(song, live);
                } else {
                    targets.notRun(String.format(java.util.Locale.ROOT, "live hop p95 < %.0f ms, ", Targets.LIVE_HOP_LIMIT_MS) + song.label(), "not run: this engine build has no live exports");
                }
                fineTimer &= wasm.fineTimer();
                checksums.append(String.format(Locale.ROOT, "%nchecksum %s: HotSpot %.6f, Wasm %.6f", song.label(),
                        base.checksum(), wasm.checksum()));
            }
            if (full == null) { // keep the target listed, first as in issue 8
                targets.notRun("Wasm total < 100 ms incl. first call, War of freedom (175 s)",
                        "not run (--quick benchmarks the 30-s excerpt only)");
            }
            BenchSong renderSong = songs.get(0); // the 3-min song, or the excerpt with --quick
            progress.println("aivj bench: render loop on the app page, " + renderSong.label() + "...");
            RenderLoopProbe.Result render = RenderLoopProbe.run(browser, renderSong);
            RenderLoopProbe.addRows(table, renderSong, render);
            targets.renderGap(renderSong, render);
            targets.firstMusicAwareFrame(renderSong, render);
        }
        String notes = (fineTimer ? "worker timer: performance.now() at 5 µs (the bench page is cross-origin isolated)"
                : "worker timer: performance.now() at 100 µs (the bench page was NOT cross-origin isolated)") + checksums;
        return new BenchReport(header(options, songs, chromium) + System.lineSeparator() + notes, table, targets,
                peersAll);
    }

    private static String header(BenchOptions options, List<BenchSong> songs, String chromium) {
        StringBuilder h = new StringBuilder(String.format(Locale.ROOT,
                "AIVJ bench: %d runs after one cold first call; decode excluded (each song decoded once in Java, the "
                        + "same PCM for every runtime)%n", options.runs()));
        h.append(String.format(Locale.ROOT, "Java %s (%s), Chromium %s headless, %d cores, %s%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"), chromium,
                Runtime.getRuntime().availableProcessors(), cpuModel()));
        for (BenchSong s : songs) {
            h.append(String.format(Locale.ROOT, "song: %s — %.1f s, %d Hz, %d ch, from %s%n", s.label(), s.seconds(),
                    s.sampleRate(), s.channels(), s.file().getParent().getFileName() + "/" + s.file().getFileName()));
        }
        h.append("first = the first call in a fresh runtime (HotSpot: cold JIT; Wasm: first analysis in the worker); "
                + "median/p95 over the repeated runs; × HotSpot = median / HotSpot median of the same stage"
                + " (tfjs, ort-web: of the model stage)");
        return h.toString();
    }

    private static String cpuModel() {
        try {
            return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown CPU");
        } catch (java.io.IOException e) {
            return "unknown CPU";
        }
    }
}
