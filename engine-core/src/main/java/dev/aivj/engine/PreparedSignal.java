package dev.aivj.engine;

import dev.aivj.engine.audio.SignalLevels;

/**
 * The first stage's output ({@link AudioAnalyzer#prepare}): the input's facts and its mono signal at
 * {@link AnalysisSettings#SAMPLE_RATE}, DC removed, ready for frame features.
 */
public record PreparedSignal(float[] signal, SignalLevels levels, double durationSeconds, int inputSampleRate,
        int inputChannels) {
}
