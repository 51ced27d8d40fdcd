package dev.aivj.engine.features;

import org.jtransforms.fft.FloatFFT_1D;
import org.jtransforms.utils.CommonUtils;
import org.visnow.jlargearrays.ConcurrencyUtils;

/**
 * Short-time power spectra of a mono signal: periodic Hann window, frames centred on i·hop, zero padding at the
 * ends. One instance is reused for every frame of a song.
 */
public final class PowerSpectrum {
    private final int fftSize;
    private final int hopSize;
    private final float[] window;
    private final float[] buffer;
    private final FloatFFT_1D fft;
    private final double windowSumSquares;

    public PowerSpectrum(int fftSize, int hopSize) {
        // The engine must run single-threaded (it is compiled to WebAssembly), so JTransforms never forks.
        ConcurrencyUtils.setNumberOfThreads(1);
        CommonUtils.setUseLargeArrays(false);
        this.fftSize = fftSize;
        this.hopSize = hopSize;
        this.window = new float[fftSize];
        double sq = 0;
        for (int i = 0; i < fftSize; i++) {
            window[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / fftSize));
            sq += (double) window[i] * window[i];
        }
        this.windowSumSquares = sq;
        this.buffer = new float[fftSize];
        this.fft = new FloatFFT_1D(fftSize);
    }

    public int binCount() {
        return fftSize / 2 + 1;
    }

    public static int frameCount(int samples, int hopSize) {
        return 1 + samples / hopSize;
    }

    /** Σ w[n]², used to turn power into the amplitude of a sinusoid. */
    public double windowSumSquares() {
        return windowSumSquares;
    }

    /** Computes |X_k|² for k = 0..fftSize/2 of frame {@code frame} into {@code power}. */
    public void compute(float[] signal, int frame, float[] power) {
        computeWindow(signal, signal.length, frame * hopSize - fftSize / 2, power);
    }

    /**
     * Computes |X_k|² of the window starting at {@code signal[start]} into {@code power}; samples outside
     * {@code [0, length)} count as zeros (the STFT's padding; a live stream's buffer holds {@code length} samples).
     */
    public void computeWindow(float[] signal, int length, int start, float[] power) {
        if (start >= 0 && start + fftSize <= length) {
            for (int i = 0; i < fftSize; i++) {
                buffer[i] = signal[start + i] * window[i];
            }
        } else {
            for (int i = 0; i < fftSize; i++) {
                int s = start + i;
                buffer[i] = (s >= 0 && s < length) ? signal[s] * window[i] : 0f;
            }
        }
        fft.realForward(buffer);
        int half = fftSize / 2;
        power[0] = buffer[0] * buffer[0];
        power[half] = buffer[1] * buffer[1];
        for (int k = 1; k < half; k++) {
            float re = buffer[2 * k];
            float im = buffer[2 * k + 1];
            power[k] = re * re + im * im;
        }
    }
}
