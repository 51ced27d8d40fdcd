package dev.aivj.engine.features;

/**
 * Per-frame descriptors of one power spectrum: spectral centroid, low/mid/high band amplitudes and spectral
 * flux against the previous frame. Stateful for flux (it keeps the previous magnitude spectrum).
 */
public final class SpectralShape {
    private final double binHz;
    private final int lowMidBin;
    private final int midHighBin;
    private final double amplitudeScale;
    private final float[] previousMagnitude;
    private boolean hasPrevious;

    public SpectralShape(int fftSize, int sampleRate, double lowMidHz, double midHighHz, double windowSumSquares) {
        this.binHz = (double) sampleRate / fftSize;
        this.lowMidBin = (int) Math.round(lowMidHz / binHz);
        this.midHighBin = (int) Math.round(midHighHz / binHz);
        // A sine of amplitude A puts one-sided power A²·N·Σw²/4 into the spectrum (Parseval).
        this.amplitudeScale = 4.0 / (fftSize * windowSumSquares);
        this.previousMagnitude = new float[fftSize / 2 + 1];
    }

    /**
     * Measures frame {@code t}'s power spectrum into the feature columns: centroid (Hz; 0 for a frame without
     * energy), the low/mid/high band amplitudes (full-scale sine = 1) and the flux since the previous frame (the
     * L2 norm of the magnitude increase, in the same amplitude units). One pass over the bins serves all five.
     */
    public void measure(float[] power, int t, float[] centroid, float[] flux, float[] low, float[] mid,
            float[] high) {
        double weighted = 0;
        double total = 0;
        double rises = 0;
        double lowSum = 0;
        double midSum = 0;
        double highSum = 0;
        for (int k = 0; k < power.length; k++) {
            float p = power[k];
            weighted += k * (double) p;
            total += p;
            if (k >= midHighBin) {
                highSum += p;
            } else if (k >= lowMidBin) {
                midSum += p;
            } else if (k >= 1) {
                lowSum += p;
            }
            float magnitude = (float) Math.sqrt(p);
            float rise = Math.max(0f, magnitude - previousMagnitude[k]); // no branch: rises and falls mix at random
            rises += (double) rise * rise;
            previousMagnitude[k] = magnitude;
        }
        centroid[t] = (float) (total > 0 ? binHz * weighted / total : 0.0);
        flux[t] = hasPrevious ? (float) Math.sqrt(rises * amplitudeScale) : 0f;
        low[t] = (float) Math.sqrt(lowSum * amplitudeScale);
        mid[t] = (float) Math.sqrt(midSum * amplitudeScale);
        high[t] = (float) Math.sqrt(highSum * amplitudeScale);
        hasPrevious = true;
    }
}
