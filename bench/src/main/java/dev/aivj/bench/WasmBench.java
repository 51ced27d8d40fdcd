package dev.aivj.bench;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Row 2: the Wasm engine in a Web Worker of headless Chromium, loaded like the app's analysis worker, on the same
 * work as HotSpot (the decoded interleaved PCM). Row 2b: the app's path — the page's analysis signal (the song,
 * as a WAV file, decoded straight to the engine's rate and mixed down; timed over a plain decode of the file), and
 * a fresh worker warms the engine up as the app's does before its first song. The first
 * {@code benchStages} call (cold) is reported apart from the repeated ones; the JS↔Wasm crossing is measured on
 * its own: audio in (an export that only receives the Float32Array) and results out (the app's analysis JSON:
 * size and JSON.parse time).
 */
public final class WasmBench {
    /**
     * fineTimer: the worker was cross-origin isolated (performance.now() to 5 µs, else 100 µs).
     * firstWallMs: the cold call's time seen from JS (engine loaded, model and library in, PCM crossing included). */
    public record Result(boolean app, double loadMs, double warmUpMs, double resampleMs, double firstWallMs,
            Map<Stage, Double> first, Map<Stage, Stats> repeated, Stats wallMs, Stats echoMs, int pcmFloats,
            double resultChars, Stats parseMs, double checksum, boolean fineTimer) {
    }

    private WasmBench() {
    }

    public static Result run(BrowserSession browser, BenchSong song, int runs, boolean app) {
        Map<String, Object> r = browser.run(app ? "wasmApp" : "wasm", Map.of("song", song.id(), "runs", runs));
        Map<String, Object> first = Js.obj(r.get("first"));
        List<Object> repeated = Js.list(r.get("repeated"));
        Map<Stage, Double> firstMs = new EnumMap<>(Stage.class);
        Map<Stage, Stats> stats = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            firstMs.put(s, s.of(first));
            stats.put(s, Stats.of(repeated.stream().mapToDouble(o -> s.of(Js.obj(o))).toArray()));
        }
        Stats wall = Stats.of(repeated.stream().mapToDouble(o -> Js.num(Js.obj(o), "wallMs")).toArray());
        return new Result(app, Js.num(r, "loadMs"), app ? Js.num(r, "warmUpMs") : Double.NaN,
                app ? Js.num(r, "resampleMs") : Double.NaN, Js.num(first, "wallMs"), firstMs, stats, wall,
                Stats.of(Js.nums(r.get("echoMs"))),
                app ? (int) Js.num(r, "pcmFloats") : song.interleaved().length, Js.num(r, "resultChars"),
                Stats.of(Js.nums(r.get("parseMs"))), Js.num(first, "checksum"),
                Boolean.TRUE.equals(r.get("crossOriginIsolated")));
    }

    public static void addRows(BenchTable table, BenchSong song, Result r, HotSpotBench.Result base) {
        String rt = r.app() ? "2b Wasm, app path" : "2 Wasm (Chromium worker)";
        table.add(new BenchRow(song.label(), rt, "engine load (wasm+model+pairs)", r.loadMs(),
                Stats.of(new double[] {r.loadMs()}), Double.NaN));
        if (r.app()) {
            table.add(new BenchRow(song.label(), rt, "analysis signal: decode to 22.05 kHz + mix, over a plain decode (page)", r.resampleMs(),
                    Stats.of(new double[] {r.resampleMs()}), Double.NaN));
            table.add(new BenchRow(song.label(), rt, "warm-up (6 s generated sound, during decode)", r.warmUpMs(),
                    Stats.of(new double[] {r.warmUpMs()}), Double.NaN));
        }
        for (Stage s : Stage.values()) {
            table.add(new BenchRow(song.label(), rt, s.key(), r.first().get(s), r.repeated().get(s),
                    base.repeated().get(s).median()));
        }
        table.add(new BenchRow(song.label(), rt, "call as seen from JS", r.firstWallMs(), r.wallMs(),
                base.repeated().get(Stage.TOTAL).median()));
        table.add(new BenchRow(song.label(), rt, String.format(Locale.ROOT, "audio in: echoLength(%.1f MB)",
                r.pcmFloats() * 4 / 1e6), Double.NaN, r.echoMs(), Double.NaN));
        table.add(new BenchRow(song.label(), rt, String.format(Locale.ROOT, "results out: JSON.parse(%.1f MB)",
                r.resultChars() / 1e6), Double.NaN, r.parseMs(), Double.NaN));
    }
}
