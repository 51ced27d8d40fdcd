package dev.aivj.bench;

import dev.aivj.wasm.instrumented.StageBenchmark;
import dev.aivj.engine.recommend.PairPlan;
import java.util.EnumMap;
import java.util.Map;

/** Row 1, the baseline: engine-core's stages on HotSpot in this process, the first run and then {@code runs}. */
public final class HotSpotBench {
    /** Per stage: the first (cold JIT) run and the repeated runs' statistics; plus the checksum. */
    public record Result(Map<Stage, Double> first, Map<Stage, Stats> repeated, double checksum) {
    }

    private HotSpotBench() {
    }

    public static Result run(BenchSong song, BundledEngineData engine, int runs) {
        StageBenchmark bench = new StageBenchmark(engine.model(), engine.library(), PairPlan.DEFAULT_SEED);
        StageBenchmark.Run first = bench.run(song.interleaved(), song.channels(), song.sampleRate());
        Map<Stage, double[]> values = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            values.put(s, new double[runs]);
        }
        for (int r = 0; r < runs; r++) {
            StageBenchmark.Run run = bench.run(song.interleaved(), song.channels(), song.sampleRate());
            for (Stage s : Stage.values()) {
                values.get(s)[r] = s.of(run.times());
            }
        }
        Map<Stage, Double> firstMs = new EnumMap<>(Stage.class);
        Map<Stage, Stats> stats = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            firstMs.put(s, s.of(first.times()));
            stats.put(s, Stats.of(values.get(s)));
        }
        return new Result(firstMs, stats, first.checksum());
    }

    public static void addRows(BenchTable table, BenchSong song, Result r) {
        for (Stage s : Stage.values()) {
            table.add(new BenchRow(song.label(), "1 HotSpot (baseline)", s.key(), r.first().get(s),
                    r.repeated().get(s), r.repeated().get(s).median()));
        }
    }
}
