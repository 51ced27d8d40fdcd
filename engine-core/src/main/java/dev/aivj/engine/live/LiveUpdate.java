package dev.aivj.engine.live;

/**
 * What one {@link LiveAnalyzer} push produced. {@code logMel} holds the push's new frames (frame-major, dB,
 * {@code newFrames × bands}); {@code style} and {@code visual} are the latest model step's style probabilities
 * and visual parameters (0..1), {@code null} until the first step (or without a model). {@code reason} is why the
 * latest step has no style ({@link dev.aivj.engine.analysis.SignalGate}: "silence: ..."), and then {@code style}
 * is {@code null}; it is {@code null} while the latest step has signal or before the first step.
 */
public record LiveUpdate(long frames, int newFrames, int steps, int newSteps, float[] logMel, float[] style,
        float[] visual, String reason) {
}
