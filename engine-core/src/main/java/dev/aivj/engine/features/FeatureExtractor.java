package dev.aivj.engine.features;

import dev.aivj.engine.AnalysisSettings;

/** Runs the per-frame units (power spectrum → log-mel, centroid, bands, flux; RMS) over a mono signal. */
public final class FeatureExtractor {
    private final MelFilterBank melBank = new MelFilterBank(AnalysisSettings.MEL_BANDS, AnalysisSettings.MEL_MIN_HZ,
            AnalysisSettings.MEL_MAX_HZ, AnalysisSettings.FFT_SIZE, AnalysisSettings.SAMPLE_RATE,
            AnalysisSettings.LOG_FLOOR_DB);

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
            rms[t] = (float) frameRms(signal, t * hop - fftSize / 2, fftSize);
            centroid[t] = (float) shape.centroidHz(power);
            flux[t] = (float) shape.flux(power);
            low[t] = (float) shape.bandAmplitude(power, 0);
            mid[t] = (float) shape.bandAmplitude(power, 1);
            high[t] = (float) shape.bandAmplitude(power, 2);
        }
        float[] onset = OnsetStrength.fromLogMel(logMel, frames, bands);
        return new FrameFeatures(frames, bands, logMel, rms, centroid, flux, onset, low, mid, high);
    }

    /** RMS over the frame's window span; samples outside the signal count as zeros, like the STFT's padding. */
    private static double frameRms(float[] signal, int start, int length) {
        int from = Math.max(0, start);
        int to = Math.min(signal.length, start + length);
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) signal[i] * signal[i];
        }
        return Math.sqrt(sum / length);
    }
}
