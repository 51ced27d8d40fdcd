package dev.aivj.bench;

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

    public static Result run(BrowserSession browser, BenchSong song, String backend, int runs) {
        Map<String, Object> r = browser.run("tfjs", Map.of("song", song.id(), "backend", backend, "runs", runs));
        return new Result(song.label(), String.valueOf(r.get("backend")), String.valueOf(r.get("version")), Js.num(r, "firstMs"),
                Stats.of(Js.nums(r.get("repeatedMs"))), Js.num(r, "maxAbsDelta"), (int) Js.num(r, "steps"));
    }

    public static void addRow(BenchTable table, BenchSong song, Result r, HotSpotBench.Result base) {
        table.add(new BenchRow(song.label(), "3 tfjs " + r.version() + " " + r.backend(),
                String.format(java.util.Locale.ROOT, "model (max |Δ| %.1e)", r.maxAbsDelta()), r.firstMs(),
                r.repeated(), base.repeated().get(Stage.MODEL).median()));
    }
}
