package dev.aivj.bench;

import java.util.Locale;
import java.util.Map;

/**
 * Row 3, ONNX Runtime Web: the bundle exported to ONNX by {@link dev.aivj.bench.onnx.OnnxModelWriter} (served at
 * /bench-data/{@value #ONNX_FILE}) in ORT's wasm execution provider, SIMD, graph optimisation 'all', on one
 * thread or on every core; measured and checked like tfjs ({@link PeerModelResult}).
 */
public final class OrtComparison {
    public static final String ONNX_FILE = "music-v1.onnx";

    private OrtComparison() {
    }

    /** {@code threaded}: ORT's intra-op threads on every core (its own worker), else one thread. */
    public static PeerModelResult run(BrowserSession browser, BenchSong song, boolean threaded, int runs) {
        Map<String, Object> r = browser.run(threaded ? "ortThreaded" : "ort", Map.of("song", song.id(), "runs", runs));
        // threads: what ORT kept after start-up; pthread workers: what it actually started.
        String note = String.format(Locale.ROOT, "session created in %.1f ms, %d thread(s), %d pthread worker(s)",
                Js.num(r, "sessionMs"), (int) Js.num(r, "threads"), (int) Js.num(r, "pthreadWorkers"));
        return PeerModelResult.of("ort-web", song, r, note);
    }
}
