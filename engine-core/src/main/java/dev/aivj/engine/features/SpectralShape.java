package dev.aivj.engine.features;

/**
 * Per-frame descriptors of one power spectrum: spectral centroid, low/mid/high band amplitudes and spectral
 * flux against the previous frame. Stateful only for flux (it keeps the previous magnitude spectrum).
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

    /** Centroid in Hz; 0 for a frame without energy. */
    public double centroidHz(float[] power) {
        double weighted = 0;
        double total = 0;
        for (int k = 0; k < power.length; k++) {
            weighted += k * (double) power[k];
            total += power[k];
        }
        return total > 0 ? binHz * weighted / total : 0.0;
    }

    /** Amplitude (full-scale sine = 1) of the bins in [fromBin, toBin). */
    public double bandAmplitude(float[] power, int band) {
        int from = band == 0 ? 1 : band == 1 ? lowMidBin : midHighBin;
        int to = band == 0 ? lowMidBin : band == 1 ? midHighBin : power.length;
        double sum = 0;
        for (int k = from; k < to; k++) {
            sum += power[k];
        }
        return Math.sqrt(sum * amplitudeScale);
    }

    /** L2 norm of the magnitude increase since the previous frame, in the same amplitude units. */
    public double flux(float[] power) {
        double sum = 0;
        for (int k = 0; k < power.length; k++) {
            float magnitude = (float) Math.sqrt(power[k]);
            if (hasPrevious) {
                float rise = magnitude - previousMagnitude[k];
                if (rise > 0) {
                    sum += (double) rise * rise;
                }
            }
            previousMagnitude[k] = magnitude;
        }
        hasPrevious = true;
        return Math.sqrt(sum * amplitudeScale);
    }
}
