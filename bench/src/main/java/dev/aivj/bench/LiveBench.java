package dev.aivj.bench;

import java.util.Arrays;
import java.util.Map;

/** Row 4: streaming — liveStart() then one livePush of a 0.5-s hop (22,050-Hz mono) at a time, in the worker. */
public final class LiveBench {
    /** firstMs: the first hop (cold); repeated: every later hop. */
    public record Result(int hops, double firstMs, Stats repeated) {
    }

    private LiveBench() {
    }

    /** The hops' times, or null when the engine build has no live exports (reported as not run). */
    public static Result run(BrowserSession browser, BenchSong song, int hops) {
        Map<String, Object> r = browser.run("live", Map.of("song", song.id(), "hops", hops));
        if (!Boolean.TRUE.equals(r.get("available"))) {
            return null;
        }
        double[] ms = Js.nums(r.get("hopMs"));
        if (ms.length < 2) {
            throw new IllegalStateException("the song is too short for two live hops");
        }
        return new Result(ms.length, ms[0], Stats.of(Arrays.copyOfRange(ms, 1, ms.length)));
    }

    public static void addRow(BenchTable table, BenchSong song, Result r) {
        table.add(new BenchRow(song.label(), "4 Wasm live", "livePush(0.5 s hop)", r.firstMs(), r.repeated(),
                Double.NaN));
    }
}
