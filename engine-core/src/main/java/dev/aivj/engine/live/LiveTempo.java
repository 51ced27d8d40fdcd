package dev.aivj.engine.live;

import dev.aivj.engine.AnalysisSettings;
import dev.aivj.engine.features.BeatTracker;
import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.features.Tempo;
import dev.aivj.engine.features.TempoEstimator;

/**
 * Tempo and beats of a live stream, from the onset strength of its last frames with the whole song's estimator
 * and beat tracker: the tempo of the window, its last beat and the next one predicted from it (no bar: the beat
 * tracker finds beats, not downbeats).
 */
final class LiveTempo {
    private final double frameRate = AnalysisSettings.frameRate();
    private final TempoEstimator estimator = new TempoEstimator(frameRate, AnalysisSettings.MIN_BPM,
            AnalysisSettings.MAX_BPM);
    private final BeatTracker tracker = new BeatTracker(frameRate);
    private Tempo tempo = Tempo.NONE;
    private double lastBeat = Double.NaN;

    /** Re-estimates from the window ({@code firstFrame}: the stream frame of the window's first frame). */
    void update(FrameFeatures window, long firstFrame) {
        tempo = estimator.estimate(window.onset());
        double[] beats = tracker.track(window.onset(), tempo);
        if (beats.length > 0) {
            lastBeat = firstFrame / frameRate + beats[beats.length - 1];
        }
    }

    Tempo tempo() {
        return tempo;
    }

    /** The stream time (s) of the last beat found, NaN before the first. */
    double lastBeat() {
        return lastBeat;
    }

    /** The first predicted beat at or after {@code seconds}, or NaN without a tempo and a beat. */
    double nextBeat(double seconds) {
        if (tempo.bpm() <= 0 || Double.isNaN(lastBeat)) {
            return Double.NaN;
        }
        double period = 60.0 / tempo.bpm();
        return lastBeat + Math.max(0, Math.ceil((seconds - lastBeat) / period)) * period;
    }
}
