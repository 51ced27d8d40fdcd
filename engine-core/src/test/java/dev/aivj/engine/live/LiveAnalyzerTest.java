package dev.aivj.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.engine.AnalysisSettings;
import dev.aivj.engine.AudioAnalyzer;
import dev.aivj.engine.analysis.SignalGate;
import dev.aivj.engine.analysis.SongStyle;
import dev.aivj.engine.Signals;
import dev.aivj.engine.features.FeatureExtractor;
import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.model.FixtureBundles;
import dev.aivj.engine.model.ModelOutput;
import dev.aivj.engine.model.MusicModel;
import dev.aivj.engine.model.VisualParameters;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Chunked live pushes give the whole-song path's log-mel frames and model outputs. */
class LiveAnalyzerTest {
    private static final int RATE = AnalysisSettings.SAMPLE_RATE;
    private static final double TOLERANCE = 1e-4;

    /** 9.3 s of clicks, a tone and noise: every mel band and the onsets carry something. */
    private static float[] signal() {
        float[] clicks = Signals.clickTrack(128, 9.3, RATE);
        float[] tone = Signals.sine(440, 0.2, 9.3, RATE);
        Random r = new Random(11);
        float[] s = new float[clicks.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = clicks[i] + tone[i] + 0.05f * (float) r.nextGaussian();
        }
        return s;
    }

    @Test
    void chunkedPushesEqualTheWholeSong() {
        float[] signal = signal();
        MusicModel model = FixtureBundles.model();
        FrameFeatures whole = new FeatureExtractor().extract(signal);
        ModelOutput wholeOut = model.run(whole);
        int bands = whole.melBands();
        for (int chunk : new int[] {11025, 4096, 1000, 513, 7}) {
            LiveAnalyzer live = new LiveAnalyzer(model);
            Collected c = new Collected(whole.logMel().length, bands, wholeOut, "chunk " + chunk);
            for (int start = 0; start < signal.length; start += chunk) {
                c.add(live.push(Arrays.copyOfRange(signal, start, Math.min(signal.length, start + chunk))));
            }
            c.add(live.finish());
            assertEquals(whole.frames(), c.frames, "chunk " + chunk);
            for (int i = 0; i < c.logMel.length; i++) {
                assertEquals(whole.logMel()[i], c.logMel[i], TOLERANCE, "chunk " + chunk + " value " + i);
            }
            assertEquals(wholeOut.steps(), c.lastSteps, "chunk " + chunk);
            assertTrue(c.checkedSteps > 0, "no model step checked for chunk " + chunk);
        }
    }

    @Test
    void chunkedPushesGiveTheWholeSongsFrameFeatures() {
        float[] signal = signal();
        FrameFeatures whole = new FeatureExtractor().extract(signal);
        LiveAnalyzer live = new LiveAnalyzer(null);
        float[][] got = new float[7][whole.frames()];
        int frames = 0;
        for (int start = 0; start < signal.length + 4096; start += 4096) {
            LiveUpdate u = start < signal.length
                    ? live.push(Arrays.copyOfRange(signal, start, Math.min(signal.length, start + 4096))) : live.finish();
            FrameFeatures f = u.features();
            float[][] columns = {f.rms(), f.centroidHz(), f.flux(), f.onset(), f.low(), f.mid(), f.high()};
            for (int c = 0; c < columns.length; c++) {
                System.arraycopy(columns[c], 0, got[c], frames, u.newFrames());
            }
            frames += u.newFrames();
        }
        assertEquals(whole.frames(), frames);
        float[][] expected = {whole.rms(), whole.centroidHz(), whole.flux(), whole.onset(), whole.low(), whole.mid(),
            whole.high()};
        String[] names = {"rms", "centroid", "flux", "onset", "low", "mid", "high"};
        for (int c = 0; c < expected.length; c++) {
            for (int t = 0; t < frames; t++) {
                double scale = Math.max(1, Math.abs(expected[c][t]));
                assertEquals(expected[c][t], got[c][t], TOLERANCE * scale, names[c] + " of frame " + t);
            }
        }
    }

    /** Concatenates the pushes' log-mel and checks each push's latest step against the whole song's output. */
    private static final class Collected {
        final float[] logMel;
        final int bands;
        final ModelOutput whole;
        final String label;
        int frames;
        int lastSteps;
        int checkedSteps;

        Collected(int values, int bands, ModelOutput whole, String label) {
            this.logMel = new float[values];
            this.bands = bands;
            this.whole = whole;
            this.label = label;
        }

        void add(LiveUpdate u) {
            System.arraycopy(u.logMel(), 0, logMel, frames * bands, u.logMel().length);
            frames += u.newFrames();
            assertEquals(frames, u.frames(), label);
            lastSteps = u.steps();
            if (u.steps() > 0) {
                int step = u.steps() - 1;
                for (int k = 0; k < FixtureBundles.LABELS.length; k++) {
                    assertEquals(whole.probability(step, k), u.style()[k], TOLERANCE, label);
                }
                for (int v = 0; v < VisualParameters.COUNT; v++) {
                    assertEquals(whole.visual(step, v), u.visual()[v], TOLERANCE, label);
                }
                checkedSteps++;
            }
        }
    }

    @Test
    void framesWaitForTheirWholeWindow() {
        LiveAnalyzer live = new LiveAnalyzer(null);
        assertEquals(0, live.push(new float[AnalysisSettings.FFT_SIZE / 2 - 1]).newFrames());
        assertEquals(1, live.push(new float[1]).newFrames(), "frame 0 needs samples up to FFT_SIZE/2");
        assertEquals(0, live.push(new float[AnalysisSettings.HOP_SIZE - 1]).newFrames());
        LiveUpdate u = live.push(new float[1]);
        assertEquals(1, u.newFrames());
        assertEquals(0, u.steps());
        assertNull(u.style());
    }

    @Test
    void badInputIsRejected() {
        LiveAnalyzer live = new LiveAnalyzer(null);
        assertThrows(IllegalArgumentException.class, () -> live.push(new float[] {0f, Float.NaN}));
        live.finish();
        assertThrows(IllegalStateException.class, () -> live.push(new float[4]));
        assertThrows(IllegalStateException.class, live::finish);
    }
    @Test
    void silentStepsHaveNoStyleLiveAsInTheWholeSong() {
        float[] signal = signal();
        Arrays.fill(signal, 3 * RATE, 6 * RATE, 0f); // 3 s of digital silence in the middle
        MusicModel model = FixtureBundles.model();
        SongStyle whole = SongStyle.analyze(model, new AudioAnalyzer().analyze(signal, 1, RATE));
        LiveAnalyzer live = new LiveAnalyzer(model);
        int silent = 0;
        int loud = 0;
        for (int start = 0; start < signal.length; start += 1000) {
            LiveUpdate u = live.push(Arrays.copyOfRange(signal, start, Math.min(signal.length, start + 1000)));
            if (u.newSteps() == 0) {
                continue;
            }
            int step = u.steps() - 1;
            assertEquals(whole.stepReason(step) != null, u.reason() != null, "step " + step);
            if (u.reason() != null) {
                assertTrue(u.reason().startsWith(SignalGate.SILENCE + ": "), u.reason());
                assertNull(u.style(), "a silent step has no style probabilities");
                assertTrue(u.visual() != null);
                silent++;
            } else {
                assertTrue(u.style() != null);
                loud++;
            }
        }
        assertTrue(silent > 5 && loud > 5, silent + " silent, " + loud + " loud updates");
        assertEquals(SignalGate.DIGITAL_SILENCE, new LiveAnalyzer(model).push(new float[RATE]).reason());
    }
}
