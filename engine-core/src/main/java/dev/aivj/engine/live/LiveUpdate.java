package dev.aivj.engine.live;

import dev.aivj.engine.features.FrameFeatures;

/**
 * What one {@link LiveAnalyzer} push produced. {@code features} holds the push's new frames ({@code newFrames}; its
 * log-mel frame-major, dB, {@code newFrames × bands}); {@code style} and {@code visual} are the latest model step's
 * style probabilities and visual parameters (0..1), {@code null} until the first step (or without a model).
 * {@code reason} is why the latest step has no style ({@link dev.aivj.engine.analysis.SignalGate}: "silence: ..."),
 * and then {@code style} is {@code null}; it is {@code null} while the latest step has signal or before the first
 * step.
 */
public record LiveUpdate(long frames, int newFrames, int steps, int newSteps, FrameFeatures features, float[] style,
        float[] visual, String reason) {
    /** The new frames' log-mel (frame-major, dB). */
    public float[] logMel() {
        return features.logMel();
    }
}
