package dev.aivj.bench;

import java.util.Map;

/**
 * Row 3, TensorFlow.js: the music network rebuilt in tfjs layers in the worker from our bundle
 * (bench-web/tfjs-music-model.js), measured and checked by the worker's measurePeer ({@link PeerModelResult}).
 */
public final class TfjsComparison {
    private TfjsComparison() {
    }

    /** {@code threads}: tfjs's threaded build on every core (wasm backend), else one thread. */
    public static PeerModelResult run(BrowserSession browser, BenchSong song, String backend, boolean threads,
            int runs) {
        Map<String, Object> r = browser.run(threads ? "tfjsThreaded" : "tfjs",
                Map.of("song", song.id(), "backend", backend, "runs", runs));
        return PeerModelResult.of("tfjs", song, r, "");
    }
}
