package dev.aivj.wasm.instrumented;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.engine.AudioAnalyzer;
import dev.aivj.engine.Signals;
import dev.aivj.engine.analysis.AnalysisResult;
import dev.aivj.engine.analysis.SongStyle;
import dev.aivj.engine.model.FixtureBundles;
import dev.aivj.engine.model.MusicModel;
import dev.aivj.engine.recommend.PairLibrary;
import dev.aivj.engine.recommend.PairPlan;
import dev.aivj.engine.recommend.TestLibraries;
import org.junit.jupiter.api.Test;

/** The benchmark runs the real pipeline: its checksum equals the one of analyze → style → pair plan. */
class StageBenchmarkTest {
    private static final int RATE = 44100;

    /** 12 s of stereo: clicks on the left, a tone on the right, so mixing and resampling both matter. */
    private static float[] stereoSong() {
        float[] clicks = Signals.clickTrack(126, 12, RATE);
        float[] tone = Signals.sine(330, 0.3, 12, RATE);
        float[] pcm = new float[2 * clicks.length];
        for (int i = 0; i < clicks.length; i++) {
            pcm[2 * i] = clicks[i];
            pcm[2 * i + 1] = tone[i];
        }
        return pcm;
    }

    @Test
    void checksumMatchesThePipelineOutsideTheBenchmark() {
        float[] pcm = stereoSong();
        MusicModel model = FixtureBundles.model();
        PairLibrary library = TestLibraries.generated(40, 3);
        StageBenchmark.Run run = new StageBenchmark(model, library, PairPlan.DEFAULT_SEED).run(pcm, 2, RATE);

        AnalysisResult result = new AudioAnalyzer().analyze(pcm, 2, RATE);
        SongStyle style = SongStyle.analyze(model, result);
        double expected = StageBenchmark.checksum(result, style, PairPlan.of(result, style, library,
                PairPlan.DEFAULT_SEED));
        assertEquals(expected, run.checksum(), 0.0);
        assertEquals(result.frames().frames(), run.frames());
        assertNotEquals(StageBenchmark.checksum(result, null, null), run.checksum(), "model and pairs add nothing");

        StageTimes t = run.times();
        double stages = t.prepare() + t.features() + t.tempo() + t.model() + t.recommend();
        assertEquals(t.total(), stages, 1e-6, "the stages tile the total");
        for (double ms : new double[] {t.prepare(), t.features(), t.tempo(), t.model(), t.recommend()}) {
            assertTrue(ms >= 0, "negative stage time " + t);
        }
    }

    @Test
    void withoutModelAndLibraryOnlyTheAnalysisCounts() {
        float[] pcm = stereoSong();
        StageBenchmark.Run run = new StageBenchmark(null, null, 0).run(pcm, 2, RATE);
        AnalysisResult result = new AudioAnalyzer().analyze(pcm, 2, RATE);
        assertEquals(StageBenchmark.checksum(result, null, null), run.checksum(), 0.0);
        // No model: the style stage does no work; what is left is two listener calls (microseconds, not the
        // milliseconds a model takes). A bound of 1 ms, not 1 µs, so a descheduled thread cannot fail it.
        assertTrue(run.times().model() < 1.0, "model stage without a model: " + run.times().model() + " ms");
        assertThrows(IllegalArgumentException.class, () -> new StageBenchmark(null, null, 0).run(new float[0], 1, RATE));
    }

    @Test
    void medianIsPerStage() {
        StageTimes m = StageTimes.median(new StageTimes[] {
            new StageTimes(1, 9, 3, 0, 5, 18), new StageTimes(2, 8, 1, 0, 4, 15), new StageTimes(30, 7, 2, 0, 6, 45)});
        assertEquals(new StageTimes(2, 8, 2, 0, 5, 18), m);
    }
}
