package dev.aivj.engine.audio;

import dev.aivj.engine.AnalysisSettings;

/** Rejects input the analysis cannot give a meaningful answer for, with a message a user can act on. */
public final class PcmValidator {
    private PcmValidator() {
    }

    public static void validate(float[] interleaved, int channels, int sampleRate) {
        if (interleaved == null || interleaved.length == 0) {
            throw new IllegalArgumentException("no audio samples (empty input)");
        }
        if (channels < 1 || channels > AnalysisSettings.MAX_CHANNELS) {
            throw new IllegalArgumentException("unsupported channel count " + channels
                    + " (expected 1.." + AnalysisSettings.MAX_CHANNELS + ")");
        }
        if (sampleRate < AnalysisSettings.MIN_INPUT_RATE || sampleRate > AnalysisSettings.MAX_INPUT_RATE) {
            throw new IllegalArgumentException("unsupported sample rate " + sampleRate + " Hz (expected "
                    + AnalysisSettings.MIN_INPUT_RATE + ".." + AnalysisSettings.MAX_INPUT_RATE + " Hz)");
        }
        if (interleaved.length % channels != 0) {
            throw new IllegalArgumentException("sample count " + interleaved.length
                    + " is not a multiple of the channel count " + channels);
        }
        for (int from = 0; from < interleaved.length; from += SignalLevels.BLOCK) { // short calls: see BLOCK
            int bad = firstNonFinite(interleaved, from, Math.min(interleaved.length, from + SignalLevels.BLOCK));
            if (bad >= 0) {
                throw new IllegalArgumentException("audio contains a non-finite sample at index " + bad);
            }
        }
    }

    /** The index of the first NaN or infinite sample in [from, to), or −1. */
    private static int firstNonFinite(float[] samples, int from, int to) {
        for (int i = from; i < to; i++) {
            float v = samples[i];
            if (v - v != 0f) { // one test for both: v − v is NaN exactly when v is NaN or infinite
                return i;
            }
        }
        return -1;
    }
}
