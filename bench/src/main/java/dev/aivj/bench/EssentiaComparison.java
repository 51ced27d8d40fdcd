package dev.aivj.bench;

import java.util.Locale;
import java.util.Map;

/**
 * Row 6: the engine's front end in Essentia.js 0.1.3 (the peer the issue names) on the same 22,050-Hz mono signal:
 * a 64-band log-mel of every 1024-sample Hann frame (hop 512) and RhythmExtractor2013's tempo. Essentia.js's core
 * API works frame by frame (each call crosses into its Wasm module with a vector), which is how its users compute a
 * mel spectrogram; the baselines are the engine's features and tempo stages on HotSpot.
 */
public final class EssentiaComparison {
    /** frames and bands of the log-mel; bpm of the first RhythmExtractor2013 call. */
    public record Result(String version, int frames, int bands, double firstMelMs, Stats mel, double firstRhythmMs,
            Stats rhythm, double bpm) {
    }

    private EssentiaComparison() {
    }

    public static Result run(BrowserSession browser, BenchSong song, int runs) {
        Map<String, Object> r = browser.run("essentia", Map.of("song", song.id(), "runs", runs));
        return new Result(String.valueOf(r.get("version")), (int) Js.num(r, "frames"), (int) Js.num(r, "bands"),
                Js.num(r, "firstMelMs"), Stats.of(Js.nums(r.get("melMs"))), Js.num(r, "firstRhythmMs"),
                Stats.of(Js.nums(r.get("rhythmMs"))), Js.num(r, "bpm"));
    }

    public static void addRows(BenchTable table, BenchSong song, Result r, HotSpotBench.Result base) {
        String runtime = "6 Essentia.js " + r.version();
        table.add(new BenchRow(song.label(), runtime, String.format(Locale.ROOT, "%d-band log-mel, %d frames",
                r.bands(), r.frames()), r.firstMelMs(), r.mel(), base.repeated().get(Stage.FEATURES).median()));
        table.add(new BenchRow(song.label(), runtime, String.format(Locale.ROOT,
                "RhythmExtractor2013 (%.1f BPM)", r.bpm()), r.firstRhythmMs(), r.rhythm(),
                base.repeated().get(Stage.TEMPO).median()));
    }
}
