package dev.aivj.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.engine.plan.PlanJson;
import dev.aivj.engine.plan.SongPlan;
import dev.aivj.engine.analysis.AnalysisResult;
import dev.aivj.engine.features.FrameFeatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AudioAnalyzerTest {
    private final AudioAnalyzer analyzer = new AudioAnalyzer();

    @ParameterizedTest
    @ValueSource(doubles = {90.0, 120.0, 174.0, 190.0})
    void clickTrackTempoWithinTwoBpm(double bpm) {
        AnalysisResult r = analyzer.analyze(Signals.clickTrack(bpm, 30, 44100), 1, 44100);
        assertEquals(bpm, r.tempo().bpm(), 2.0, "tempo of a " + bpm + " BPM click track");
        assertTrue(r.tempo().confidence() > 0.5, "a click track is strongly periodic: " + r.tempo().confidence());
    }

    @ParameterizedTest
    @ValueSource(doubles = {90.0, 120.0, 174.0, 190.0})
    void clickTrackBeatsLandOnClicks(double bpm) {
        AnalysisResult r = analyzer.analyze(Signals.clickTrack(bpm, 20, 22050), 1, 22050);
        double period = 60.0 / bpm;
        double[] beats = r.beats();
        assertTrue(beats.length >= 20 / period - 3, "beats found: " + beats.length);
        for (double b : beats) {
            double phase = (b - 0.25) / period;
            double offBy = Math.abs(phase - Math.rint(phase)) * period;
            assertTrue(offBy < 0.035, "beat at " + b + " is " + offBy + " s from a click");
        }
    }

    @Test
    void sineLandsInItsBinAndMelBand() {
        // 1033.59 Hz is exactly bin 48 at 22050 Hz / 1024.
        double hz = 48 * 22050.0 / 1024;
        AnalysisResult r = analyzer.analyze(Signals.sine(hz, 0.5, 2, 22050), 1, 22050);
        FrameFeatures f = r.frames();
        int mid = f.frames() / 2;
        assertEquals(hz, f.centroidHz()[mid], 1.0, "centroid of a pure tone is its frequency");
        assertEquals(0.5, f.mid()[mid], 0.01, "band amplitude reads the sine's amplitude");
        assertTrue(f.low()[mid] < 0.01 && f.high()[mid] < 0.01, "no energy outside the tone's band");
        assertEquals(0.5 / Math.sqrt(2), f.rms()[mid], 0.005);
        int loudest = 0;
        for (int b = 1; b < f.melBands(); b++) {
            if (f.logMel()[mid * f.melBands() + b] > f.logMel()[mid * f.melBands() + loudest]) {
                loudest = b;
            }
        }
        int expected = nearestMelBand(hz);
        assertTrue(Math.abs(loudest - expected) <= 0, "loudest mel band " + loudest + ", expected " + expected);
    }

    @Test
    void resampledInputKeepsFrequencyAndLevel() {
        double hz = 48 * 22050.0 / 1024;
        for (int rate : new int[] {8000, 44100, 48000, 96000, 192000}) {
            AnalysisResult r = analyzer.analyze(Signals.sine(hz, 0.5, 2, rate), 1, rate);
            int mid = r.frames().frames() / 2;
            assertEquals(hz, r.frames().centroidHz()[mid], 2.0, "centroid after resampling from " + rate);
            assertEquals(0.5, r.frames().mid()[mid], 0.01, "amplitude after resampling from " + rate);
            assertEquals(2.0, r.durationSeconds(), 1e-9);
        }
    }

    @Test
    void stereoMixDownCancelsOppositeChannels() {
        float[] s = Signals.sine(440, 0.5, 1, 22050);
        float[] stereo = new float[s.length * 2];
        for (int i = 0; i < s.length; i++) {
            stereo[2 * i] = s[i];
            stereo[2 * i + 1] = -s[i];
        }
        AnalysisResult r = analyzer.analyze(stereo, 2, 22050);
        assertTrue(r.summary().silent());
        assertEquals(2, r.inputChannels());
    }

    @Test
    void silenceGivesDefinedZeroes() {
        AnalysisResult r = analyzer.analyze(new float[22050 * 5], 1, 22050);
        assertEquals(0.0, r.tempo().bpm());
        assertEquals(0.0, r.tempo().confidence());
        assertEquals(0, r.beats().length);
        assertTrue(r.summary().silent());
        assertAllFinite(r);
        assertEquals(-100.0f, r.frames().logMel()[10], "silent bands sit at the dB floor");
    }

    @Test
    void dcOffsetGivesDefinedResults() {
        AnalysisResult r = analyzer.analyze(Signals.constant(0.5f, 22050 * 5), 1, 44100);
        assertAllFinite(r);
        assertEquals(0.5, r.summary().dcOffset(), 1e-3);
        assertEquals(0, r.beats().length, "a constant has no beats");
    }

    @Test
    void overwritingInputGivesTheSameAnalysis() {
        for (int rate : new int[] {22050, 44100}) {
            float[] input = Signals.clickTrack(120, 10, rate);
            for (int i = 0; i < input.length; i++) {
                input[i] += 0.25f; // a DC offset, removed in place by the overwriting analyzer
            }
            float[] kept = input.clone();
            AnalysisResult expected = analyzer.analyze(input, 1, rate);
            assertArrayEquals(kept, input, "the default analyzer leaves its input as it is");
            AnalysisResult actual = AudioAnalyzer.overwritingInput().analyze(input, 1, rate);
            assertEquals(PlanJson.write(new SongPlan(expected, null, null), true), PlanJson.write(new SongPlan(actual, null, null), true), "at " + rate + " Hz");
        }
    }

    @Test
    void clippedInputIsMeasuredNotBroken() {
        float[] s = Signals.sine(220, 4.0, 3, 44100);
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.max(-1f, Math.min(1f, s[i]));
        }
        AnalysisResult r = analyzer.analyze(s, 1, 44100);
        assertAllFinite(r);
        assertTrue(r.summary().clippedRatio() > 0.5, "clipped ratio " + r.summary().clippedRatio());
    }

    @Test
    void oneSampleGivesOneFrame() {
        AnalysisResult r = analyzer.analyze(new float[] {0.3f}, 1, 44100);
        assertEquals(1, r.frames().frames());
        assertEquals(0.0, r.tempo().bpm());
        assertAllFinite(r);
    }

    @Test
    void badInputIsRejectedWithAMessage() {
        assertMessage("empty", () -> analyzer.analyze(new float[0], 1, 44100));
        assertMessage("sample rate", () -> analyzer.analyze(new float[10], 1, 7999));
        assertMessage("sample rate", () -> analyzer.analyze(new float[10], 1, 192001));
        assertMessage("channel", () -> analyzer.analyze(new float[10], 0, 44100));
        assertMessage("multiple", () -> analyzer.analyze(new float[11], 2, 44100));
        assertMessage("non-finite", () -> analyzer.analyze(new float[] {0f, Float.NaN}, 1, 44100));
    }

    private static void assertMessage(String fragment, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    private static int nearestMelBand(double hz) {
        dev.aivj.engine.features.MelFilterBank bank = new dev.aivj.engine.features.FeatureExtractor().melBank();
        int best = 0;
        for (int b = 1; b < bank.bands(); b++) {
            if (Math.abs(bank.centreHz(b) - hz) < Math.abs(bank.centreHz(best) - hz)) {
                best = b;
            }
        }
        return best;
    }

    /** Serialising throws on any NaN or infinity, so a successful write proves every value is finite. */
    private static void assertAllFinite(AnalysisResult r) {
        String json = PlanJson.write(new SongPlan(r, null, null), true);
        assertTrue(json.startsWith("{") && json.endsWith("}"));
    }
}
