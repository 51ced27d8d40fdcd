package dev.aivj.engine.features;

import dev.aivj.engine.AnalysisSettings;

/** Runs the per-frame units (power spectrum → log-mel, centroid, bands, flux; RMS) over a mono signal. */
public final class FeatureExtractor {
    private final MelFilterBank melBank = MelFilterBank.forAnalysis();

    public MelFilterBank melBank() {
        return melBank;
    }

    /** {@code signal} must already be mono at {@link AnalysisSettings#SAMPLE_RATE}. */
    public FrameFeatures extract(float[] signal) {
        int fftSize = AnalysisSettings.FFT_SIZE;
        int hop = AnalysisSettings.HOP_SIZE;
        PowerSpectrum spectrum = new PowerSpectrum(fftSize, hop);
        SpectralShape shape = new SpectralShape(fftSize, AnalysisSettings.SAMPLE_RATE,
                AnalysisSettings.LOW_MID_SPLIT_HZ, AnalysisSettings.MID_HIGH_SPLIT_HZ, spectrum.windowSumSquares());
        int frames = PowerSpectrum.frameCount(signal.length, hop);
        int bands = melBank.bands();
        float[] power = new float[spectrum.binCount()];
        float[] logMel = new float[frames * bands];
        float[] rms = new float[frames];
        float[] centroid = new float[frames];
        float[] flux = new float[frames];
        float[] low = new float[frames];
        float[] mid = new float[frames];
        float[] high = new float[frames];
        for (int t = 0; t < frames; t++) {
            spectrum.compute(signal, t, power);
            melBank.applyLogDb(power, logMel, t * bands);
            shape.measure(power, t, centroid, flux, low, mid, high);
        }
        frameRms(signal, frames, rms);
        float[] onset = OnsetStrength.fromLogMel(logMel, frames, bands);
        return new FrameFeatures(frames, bands, logMel, rms, centroid, flux, onset, low, mid, high);
    }

    /**
     * RMS over each frame's window span; samples outside the signal count as zeros, like the STFT's padding. A
     * window is FFT_SIZE/HOP whole hops (FFT_SIZE/2 too), so each hop's sum of squares is computed once and shared by its frames.
     */
    private static void frameRms(float[] signal, int frames, float[] rms) {
        int hop = AnalysisSettings.HOP_SIZE;
        int hopsPerWindow = AnalysisSettings.FFT_SIZE / hop;
        int firstHop = -hopsPerWindow / 2; // the window of frame t starts at hop t − hopsPerWindow/2
        double[] hopSquares = new double[frames + hopsPerWindow];
        for (int h = 0; h < hopSquares.length; h++) {
            hopSquares[h] = sumOfSquares(signal, Math.max(0, (h + firstHop) * hop),
                    Math.min(signal.length, (h + firstHop + 1) * hop));
        }
        for (int t = 0; t < frames; t++) {
            double sum = 0;
            for (int h = t; h < t + hopsPerWindow; h++) {
                sum += hopSquares[h];
            }
            rms[t] = (float) Math.sqrt(sum / AnalysisSettings.FFT_SIZE);
        }
    }

    /** Σ signal[i]² over [from, to); a call per hop, so V8 can swap in optimised Wasm code between calls. */
    private static double sumOfSquares(float[] signal, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) signal[i] * signal[i];
        }
        return sum;
    }
}
