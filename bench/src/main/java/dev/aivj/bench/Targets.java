package dev.aivj.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The speed targets (issue 16), each printed as PASS/MISS with the measured value and its factor of the limit. */
public final class Targets {
    public static final double WASM_SONG_LIMIT_MS = 100;
    public static final double WASM_VS_HOTSPOT_LIMIT = 1.3;
    /** The engine's model stage must be at least this many times faster than the fastest peer measured. */
    public static final double MODEL_VS_PEER_FACTOR = 3;
    public static final double LIVE_HOP_LIMIT_MS = 1;
    /** The engine's features stage must be at least this many times faster than Essentia.js's log-mel. */
    public static final double FRONT_END_VS_ESSENTIA_FACTOR = 50;
    /** From the end of decoding to the first frame the layers draw with the engine's plan for the song on. */
    public static final double FIRST_MUSIC_FRAME_LIMIT_MS = 100;
    /** "Not worse": at most one 60-Hz frame longer than the longest idle gap (timer jitter alone gives that). */
    public static final double RENDER_GAP_SLACK_MS = 1000.0 / 60;

    /** One target line; factor = measured / limit (≤ 1 passes). */
    public record Line(String name, String measured, double factor) {
        public boolean pass() {
            return factor <= 1;
        }

        public String format() {
            if (Double.isNaN(factor)) {
                return "n/a  " + name + ": " + measured;
            }
            return String.format(Locale.ROOT, "%-4s %s: %s (%.2f× the limit)", pass() ? "PASS" : "MISS", name,
                    measured, factor);
        }
    }

    private final List<Line> lines = new ArrayList<>();

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /**
     * Wasm total for the 3-min song < 100 ms, the first call included, on the app's path: the browser's resampling
     * plus the engine call as seen from JS, judged on the slower of the first call and the p95.
     */
    public void wasmSong(BenchSong song, WasmBench.Result app) {
        double first = app.resampleMs() + app.firstWallMs();
        double p95 = app.resampleMs() + app.wallMs().p95();
        lines.add(new Line("Wasm total < 100 ms incl. first call, " + song.label(), String.format(Locale.ROOT,
                "app path: analysis signal over a plain decode %.1f ms + engine first call %.1f ms (after warm-up) = %.1f ms; "
                        + "with the p95 call %.1f ms", app.resampleMs(), app.firstWallMs(), first, p95),
                Math.max(first, p95) / WASM_SONG_LIMIT_MS));
    }

    public void wasmVsHotSpot(BenchSong song, WasmBench.Result wasm, HotSpotBench.Result hotspot) {
        double ratio = wasm.repeated().get(Stage.TOTAL).median() / hotspot.repeated().get(Stage.TOTAL).median();
        lines.add(new Line(String.format(Locale.ROOT, "Wasm ≤ %.1f× HotSpot, ", WASM_VS_HOTSPOT_LIMIT) + song.label(),
                String.format(Locale.ROOT,
                "median total %.1f ms vs %.1f ms = %.2f×", wasm.repeated().get(Stage.TOTAL).median(),
                hotspot.repeated().get(Stage.TOTAL).median(), ratio), ratio / WASM_VS_HOTSPOT_LIMIT));
    }

    /**
     * The engine's model stage (one thread, as in its worker) against the fastest peer configuration measured
     * (repeated medians; tfjs and ONNX Runtime Web, each on one thread and on every core), which must be
     * {@value #MODEL_VS_PEER_FACTOR}× slower.
     */
    public void wasmModelVsPeers(BenchSong song, WasmBench.Result wasm, List<PeerModelResult> peers) {
        PeerModelResult best = peers.stream()
                .min((a, b) -> Double.compare(a.repeated().median(), b.repeated().median())).orElseThrow();
        double engine = wasm.repeated().get(Stage.MODEL).median();
        lines.add(new Line("Wasm model ≥ 3× faster than the best peer (tfjs, ONNX Runtime Web), " + song.label(),
                String.format(Locale.ROOT, "engine model stage %.2f ms vs %s %.2f ms (its first call %.1f ms)",
                        engine, best.runtime(), best.repeated().median(), best.firstMs()),
                engine * MODEL_VS_PEER_FACTOR / best.repeated().median()));
    }

    /** The engine's features stage (Wasm, repeated median) against Essentia.js's log-mel of the same signal. */
    public void frontEndVsEssentia(BenchSong song, WasmBench.Result wasm, EssentiaComparison.Result essentia) {
        double engine = wasm.repeated().get(Stage.FEATURES).median();
        lines.add(new Line("front end ≥ 50× faster than Essentia.js, " + song.label(), String.format(Locale.ROOT,
                "engine features stage %.1f ms vs Essentia.js log-mel %.1f ms = %.0f× faster", engine,
                essentia.mel().median(), essentia.mel().median() / engine),
                engine * FRONT_END_VS_ESSENTIA_FACTOR / essentia.mel().median()));
    }

    public void liveHop(BenchSong song, LiveBench.Result live) {
        lines.add(new Line(String.format(Locale.ROOT, "live hop p95 < %.0f ms, ", LIVE_HOP_LIMIT_MS) + song.label(),
                String.format(Locale.ROOT,
                "median %.3f ms, p95 %.3f ms over %d hops (first hop %.2f ms)", live.repeated().median(),
                live.repeated().p95(), live.hops() - 1, live.firstMs()), live.repeated().p95() / LIVE_HOP_LIMIT_MS));
    }

    public void renderGap(BenchSong song, RenderLoopProbe.Result r) {
        double limit = r.idleMaxGapMs() + RENDER_GAP_SLACK_MS;
        lines.add(new Line("render loop not blocked by analysis, " + song.label(), String.format(Locale.ROOT,
                "longest requestAnimationFrame gap while the worker analyses %.1f ms (%.1f ms while no layer loads a "
                        + "preset) vs %.1f ms idle (limit: idle + one 60-Hz frame = %.1f ms)", r.workerMaxGapMs(),
                r.workerNoPresetLoadMaxGapMs(), r.idleMaxGapMs(), limit),
                r.workerMaxGapMs() / limit));
    }

    public void firstMusicAwareFrame(BenchSong song, RenderLoopProbe.Result r) {
        RenderLoopProbe.MusicAware m = r.musicAware();
        lines.add(new Line(String.format(Locale.ROOT, "first music-aware frame < %.0f ms after decode, ",
                FIRST_MUSIC_FRAME_LIMIT_MS) + song.label(), String.format(Locale.ROOT,
                "decoded → %s plan on %.1f ms → first frame drawn on it %.1f ms (→ its pair's presets loaded %.0f ms)",
                m.opening() ? "opening" : "whole", m.planMs(), m.frameMs(), m.pairFrameMs()),
                m.frameMs() / FIRST_MUSIC_FRAME_LIMIT_MS));
    }

    /** A target this run could not judge (e.g. --quick skips the 3-min song). */
    public void notRun(String name, String why) {
        lines.add(new Line(name, why, Double.NaN));
    }

    public String format() {
        StringBuilder out = new StringBuilder("targets:").append(System.lineSeparator());
        for (Line l : lines) {
            out.append("  ").append(l.format()).append(System.lineSeparator());
        }
        return out.toString();
    }
}
