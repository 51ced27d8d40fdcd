package dev.aivj.engine.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.engine.AnalysisSettings;
import dev.aivj.engine.AudioAnalyzer;
import dev.aivj.engine.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tempo range and the octave decision, on click tracks and synthetic onset patterns. */
class TempoEstimatorTest {
    private static final double FRAME_RATE = AnalysisSettings.frameRate();
    private final TempoEstimator estimator = new TempoEstimator(FRAME_RATE, AnalysisSettings.MIN_BPM,
            AnalysisSettings.MAX_BPM);

    @Test
    void rangeCoversSlowBalladsToFastPunk() {
        assertTrue(AnalysisSettings.MIN_BPM <= 55 && AnalysisSettings.MAX_BPM >= 240,
                AnalysisSettings.MIN_BPM + "-" + AnalysisSettings.MAX_BPM);
    }

    /** MIREX Accuracy1 (within 4 %), over the whole engine: audio → onsets → tempo. */
    @ParameterizedTest
    @ValueSource(doubles = {55.0, 70.0, 140.0, 190.0, 240.0})
    void clickTrackIsReadAtItsOwnTempo(double bpm) {
        double read = new AudioAnalyzer().analyze(Signals.clickTrack(bpm, 30, 22050), 1, 22050).tempo().bpm();
        assertEquals(bpm, read, 0.04 * bpm, "a " + bpm + " BPM click track");
    }

    @Test
    void a190BpmClickTrackIsNotReadAtHalfTempo() {
        double read = new AudioAnalyzer().analyze(Signals.clickTrack(190, 30, 44100), 1, 44100).tempo().bpm();
        assertEquals(190, read, 190 * 0.04, "190 BPM, not 95");
    }

    /** A rock beat at 140 BPM: kick on beats 1 and 3 (a 70 BPM pulse), snare on 2 and 4, hi-hat on every beat. */
    @Test
    void backbeatAt140IsNotReadAt70() {
        double period = 60.0 / 140 * FRAME_RATE;
        float[] onset = new float[(int) (40 * FRAME_RATE)];
        for (int beat = 0; beat * period < onset.length - 1; beat++) {
            int t = (int) Math.round(beat * period);
            onset[t] += beat % 2 == 0 ? 3.0f : 2.0f; // kick louder than snare
            onset[t] += 1.0f;                        // hi-hat
        }
        assertEquals(140, estimator.estimate(onset).bpm(), 140 * 0.04);
    }

    /** A 70 BPM pulse with a weak pickup note before each beat: still 70, not 140. */
    @Test
    void slowPulseWithPickupsStays70() {
        double period = 60.0 / 70 * FRAME_RATE;
        float[] onset = new float[(int) (40 * FRAME_RATE)];
        for (int beat = 0; beat * period < onset.length - 1; beat++) {
            onset[(int) Math.round(beat * period)] += 3.0f;
            int pickup = (int) Math.round((beat + 0.75) * period);
            if (pickup < onset.length) {
                onset[pickup] += 0.5f;
            }
        }
        assertEquals(70, estimator.estimate(onset).bpm(), 70 * 0.04);
    }

    @Test
    void flatOrShortInputHasNoTempo() {
        assertEquals(0.0, estimator.estimate(new float[5000]).bpm());
        assertEquals(0.0, estimator.estimate(new float[20]).bpm());
    }
}
