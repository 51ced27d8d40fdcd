package dev.aivj.wasm.instrumented;

import dev.aivj.engine.AudioAnalyzer;
import dev.aivj.engine.Engine;
import dev.aivj.engine.analysis.AnalysisResult;
import dev.aivj.engine.analysis.SongStyle;
import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.model.ModelOutput;
import dev.aivj.engine.model.MusicModel;
import dev.aivj.engine.recommend.PairChoice;
import dev.aivj.engine.plan.SongPlan;
import dev.aivj.engine.recommend.PairLibrary;
import java.util.List;

/**
 * Times one song's plan stage by stage: the very {@link Engine#analyze} the product runs, with a listener noting
 * when each {@link Engine.Stage} ends. Uses {@link System#nanoTime}, so it runs alike on HotSpot and in TeaVM's
 * Wasm.
 */
public final class StageBenchmark {
    /** One timed run: its stage times, the song's frame count and a checksum of its results. */
    public record Run(StageTimes times, int frames, double checksum) {
    }

    private final Engine engine;
    private final boolean overwriteInput;

    /** {@code model} and {@code library} may be null; their stages then take 0 ms and add nothing to the checksum. */
    public StageBenchmark(MusicModel model, PairLibrary library, long seed) {
        this(new Engine(model, library, seed), false);
    }

    /** {@code overwriteInput}: each run may overwrite its input, as {@link AudioAnalyzer#overwritingInput}. */
    public StageBenchmark(Engine engine, boolean overwriteInput) {
        this.engine = engine;
        this.overwriteInput = overwriteInput;
    }

    /** @throws IllegalArgumentException for PCM that {@link AudioAnalyzer#analyze} rejects */
    public Run run(float[] interleavedPcm, int channels, int sampleRate) {
        long[] ends = new long[Engine.Stage.values().length];
        long t0 = System.nanoTime();
        SongPlan plan = engine.analyze(interleavedPcm, channels, sampleRate, overwriteInput,
                stage -> ends[stage.ordinal()] = System.nanoTime());
        double[] ms = new double[ends.length];
        long from = t0;
        for (int i = 0; i < ends.length; i++) {
            ms[i] = (ends[i] - from) / 1e6;
            from = ends[i];
        }
        // The mix is a few multiplications per section: it counts as part of recommending.
        StageTimes times = new StageTimes(ms[0], ms[1], ms[2], ms[3], ms[4] + ms[5], (from - t0) / 1e6);
        return new Run(times, plan.analysis().frames().frames(), checksum(plan.analysis(), plan.style(),
                plan.pairs()));
    }

    /**
     * A number every stage's output feeds (log-mel, onset, tempo, beats, model outputs, pair scores), so no stage
     * can be skipped as dead code and two runs or two builds can be compared. Not a hash: a tiny numeric change
     * moves it only a little.
     */
    static double checksum(AnalysisResult result, SongStyle style, List<PairChoice> pairs) {
        FrameFeatures f = result.frames();
        double sum = sum(f.logMel()) / f.melBands() + sum(f.onset()) + result.tempo().bpm();
        for (double b : result.beats()) {
            sum += b;
        }
        if (style != null) {
            ModelOutput out = style.output();
            float[] p = out.styleProbabilities();
            for (int i = 0; i < p.length; i++) {
                sum += p[i] * (1 + i % out.labels().length);
            }
            sum += sum(out.visualParameters());
        }
        if (pairs != null) {
            for (PairChoice c : pairs) {
                sum += c.score();
            }
        }
        return sum;
    }

    private static double sum(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s;
    }

}
