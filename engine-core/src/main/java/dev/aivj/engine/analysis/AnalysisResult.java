package dev.aivj.engine.analysis;

import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.features.Tempo;

/** Everything the audio front end knows about one song: input facts, tempo, beats, frame features, summary. */
public final class AnalysisResult {
    private final double durationSeconds;
    private final int inputSampleRate;
    private final int inputChannels;
    private final Tempo tempo;
    private final double[] beats;
    private final FrameFeatures frames;
    private final SongSummary summary;

    public AnalysisResult(double durationSeconds, int inputSampleRate, int inputChannels, Tempo tempo,
            double[] beats, FrameFeatures frames, SongSummary summary) {
        this.durationSeconds = durationSeconds;
        this.inputSampleRate = inputSampleRate;
        this.inputChannels = inputChannels;
        this.tempo = tempo;
        this.beats = beats;
        this.frames = frames;
        this.summary = summary;
    }

    public double durationSeconds() {
        return durationSeconds;
    }

    public int inputSampleRate() {
        return inputSampleRate;
    }

    public int inputChannels() {
        return inputChannels;
    }

    public Tempo tempo() {
        return tempo;
    }

    /** Beat times in seconds, ascending. */
    public double[] beats() {
        return beats;
    }

    public FrameFeatures frames() {
        return frames;
    }

    public SongSummary summary() {
        return summary;
    }
}
