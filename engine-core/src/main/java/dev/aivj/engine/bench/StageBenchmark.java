package dev.aivj.engine.bench;

import dev.aivj.engine.AudioAnalyzer;
import dev.aivj.engine.PreparedSignal;
import dev.aivj.engine.analysis.AnalysisResult;
import dev.aivj.engine.analysis.SongStyle;
import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.model.ModelOutput;
import dev.aivj.engine.model.MusicModel;
import dev.aivj.engine.recommend.PairChoice;
import dev.aivj.engine.recommend.PairLibrary;
import dev.aivj.engine.recommend.PairPlan;
import java.util.List;

/**
 * Times one song's whole analysis stage by stage: the {@link AudioAnalyzer} stages, then the music model
 * ({@link SongStyle#analyze}) and the pair plan ({@link PairPlan#of}), the same calls the Wasm engine's
 * {@code analyze} makes. Uses {@link System#nanoTime}, so it runs alike on HotSpot and in TeaVM's Wasm.
 */
public final class StageBenchmark {
    /** One timed run: its stage times, the song's frame count and a checksum of its results. */
    public record Run(StageTimes times, int frames, double checksum) {
    }

    private final MusicModel model;
    private final PairLibrary library;
    private final long seed;
    private final boolean overwriteInput;

    /** {@code model} and {@code library} may be null; their stages then take 0 ms and add nothing to the checksum. */
    public StageBenchmark(MusicModel model, PairLibrary library, long seed) {
        this(model, library, seed, false);
    }

    /** As above; {@code overwriteInput}: each run may overwrite its input, as {@link AudioAnalyzer#overwritingInput}. */
    public StageBenchmark(MusicModel model, PairLibrary library, long seed, boolean overwriteInput) {
        this.model = model;
        this.library = library;
        this.seed = seed;
        this.overwriteInput = overwriteInput;
    }

    /** @throws IllegalArgumentException for PCM that {@link AudioAnalyzer#analyze} rejects */
    public Run run(float[] interleavedPcm, int channels, int sampleRate) {
        long t0 = System.nanoTime();
        AudioAnalyzer analyzer = overwriteInput ? AudioAnalyzer.overwritingInput() : new AudioAnalyzer();
        PreparedSignal prepared = analyzer.prepare(interleavedPcm, channels, sampleRate);
        long t1 = System.nanoTime();
        FrameFeatures frames = analyzer.features(prepared);
        long t2 = System.nanoTime();
        AnalysisResult result = analyzer.rhythm(prepared, frames);
        long t3 = System.nanoTime();
        SongStyle style = model == null ? null : SongStyle.analyze(model, result);
        long t4 = System.nanoTime();
        List<PairChoice> pairs = library == null ? null : PairPlan.of(result, style, library, seed);
        long t5 = System.nanoTime();
        StageTimes times = new StageTimes(ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), ms(t5 - t4),
                ms(t5 - t0));
        return new Run(times, frames.frames(), checksum(result, style, pairs));
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

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
