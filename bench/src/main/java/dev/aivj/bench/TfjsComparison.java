package dev.aivj.bench;

import java.util.Locale;
import java.util.Map;

/**
 * Row 3: the same music network in TensorFlow.js (built in the worker from our bundle by
 * bench-web/tfjs-music-model.js) on the engine's log-mel of the song, checked against the engine's outputs
 * computed on HotSpot ({@link ModelReference}): max |Δ| over every style probability and visual parameter.
 */
public final class TfjsComparison {
    /** The largest |tfjs − engine| allowed; a mis-mapped weight gives differences of order 0.1 and more. */
    public static final double MAX_ABS_DELTA = 1e-3;

    public record Result(String song, String backend, String version, double firstMs, Stats repeated,
            double maxAbsDelta, int steps) {
        public boolean matches() {
            return maxAbsDelta < MAX_ABS_DELTA; // false for NaN too
        }
    }

    private TfjsComparison() {
    }

    /** {@code threads}: tfjs's threaded build on every core (wasm backend), else one thread. */
    public static Result run(BrowserSession browser, BenchSong song, String backend, boolean threads, int runs) {
        Map<String, Object> r = browser.run(threads ? "tfjsThreaded" : "tfjs",
                Map.of("song", song.id(), "backend", backend, "runs", runs));
        String config = String.valueOf(r.get("backend"));
        if ("wasm".equals(config)) {
            // tfjs runs its threaded build only where the page is cross-origin isolated; it says so in "multithread".
            config += Boolean.TRUE.equals(r.get("multithread"))
                    ? String.format(Locale.ROOT, " threaded (%d cores)", (int) Js.num(r, "cores")) : " 1 thread";
            config += Boolean.TRUE.equals(r.get("simd")) ? " SIMD" : "";
        }
        return new Result(song.label(), config, String.valueOf(r.get("version")), Js.num(r, "firstMs"),
                Stats.of(Js.nums(r.get("repeatedMs"))), Js.num(r, "maxAbsDelta"), (int) Js.num(r, "steps"));
    }

    public static void addRow(BenchTable table, BenchSong song, Result r, HotSpotBench.Result base) {
        table.add(new BenchRow(song.label(), "3 tfjs " + r.version() + " " + r.backend(),
                String.format(java.util.Locale.ROOT, "model (max |Δ| %.1e)", r.maxAbsDelta()), r.firstMs(),
                r.repeated(), base.repeated().get(Stage.MODEL).median()));
    }
}
