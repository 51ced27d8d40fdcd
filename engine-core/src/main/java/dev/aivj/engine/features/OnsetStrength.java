package dev.aivj.engine.features;

/**
 * Onset strength envelope: the mean over mel bands of the half-wave rectified rise of the log-mel spectrum
 * (dB) from one frame to the next. Frame 0 has no predecessor and reads 0.
 */
public final class OnsetStrength {
    private OnsetStrength() {
    }

    public static float[] fromLogMel(float[] logMel, int frames, int bands) {
        float[] onset = new float[frames];
        for (int t = 1; t < frames; t++) {
            int cur = t * bands;
            int prev = cur - bands;
            double sum = 0;
            for (int b = 0; b < bands; b++) {
                sum += Math.max(0f, logMel[cur + b] - logMel[prev + b]); // no branch: rises and falls mix at random
            }
            onset[t] = (float) (sum / bands);
        }
        return onset;
    }
}
