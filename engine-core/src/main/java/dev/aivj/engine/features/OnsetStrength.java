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
            onset[t] = rise(logMel, (t - 1) * bands, logMel, t * bands, bands);
        }
        return onset;
    }

    /**
     * One frame's onset strength: the mean rise of the log-mel frame at {@code cur[curAt..]} over the previous one at
     * {@code prev[prevAt..]} (a live stream's previous frame may sit in the last push).
     */
    public static float rise(float[] prev, int prevAt, float[] cur, int curAt, int bands) {
        double sum = 0;
        for (int b = 0; b < bands; b++) {
            sum += Math.max(0f, cur[curAt + b] - prev[prevAt + b]); // no branch: rises and falls mix at random
        }
        return (float) (sum / bands);
    }
}
