package dev.aivj.bench;

import java.util.Locale;
import java.util.Map;

/**
 * Row 3: one peer runtime's run of the music network (TensorFlow.js, ONNX Runtime Web) on the engine's log-mel of
 * a song, checked against the engine's outputs computed on HotSpot ({@link ModelReference}): max |Δ| over every
 * style probability and visual parameter. {@code note}: what else the peer reported (e.g. its threads).
 */
public record PeerModelResult(String song, String peer, String version, String backend, double firstMs,
        Stats repeated, double maxAbsDelta, int steps, String note) {
    /** The largest |peer − engine| allowed; a mis-mapped weight gives differences of order 0.1 and more. */
    public static final double MAX_ABS_DELTA = 1e-3;

    public boolean matches() {
        return maxAbsDelta < MAX_ABS_DELTA; // false for NaN too
    }

    /** e.g. "tfjs 4.22.0 wasm 1 thread SIMD", "ort-web 1.30.0 wasm threaded (2 cores) SIMD". */
    public String runtime() {
        return peer + " " + version + " " + backend;
    }

    /**
     * From a bench-worker peer task's result (bench-worker.js measurePeer plus backend, version, simd, cores and
     * multithread: whether it really ran threaded, which needs the cross-origin isolated page).
     */
    static PeerModelResult of(String peer, BenchSong song, Map<String, Object> r, String note) {
        String config = String.valueOf(r.get("backend"));
        if ("wasm".equals(config)) {
            config += Boolean.TRUE.equals(r.get("multithread"))
                    ? String.format(Locale.ROOT, " threaded (%d cores)", (int) Js.num(r, "cores")) : " 1 thread";
            config += Boolean.TRUE.equals(r.get("simd")) ? " SIMD" : "";
        }
        return new PeerModelResult(song.label(), peer, String.valueOf(r.get("version")), config, Js.num(r, "firstMs"),
                Stats.of(Js.nums(r.get("repeatedMs"))), Js.num(r, "maxAbsDelta"), (int) Js.num(r, "steps"), note);
    }

    void addRow(BenchTable table, HotSpotBench.Result base) {
        table.add(new BenchRow(song, "3 " + runtime(), String.format(Locale.ROOT, "model (max |Δ| %.1e)", maxAbsDelta),
                firstMs, repeated, base.repeated().get(Stage.MODEL).median()));
    }
}
