package dev.aivj.training.music;

import dev.aivj.engine.AnalysisSettings;
import java.util.Arrays;
import java.util.Random;

/**
 * Training-time augmentation of a raw log-mel patch (dB, [frames × bands]), so that a corpus of a few dozen
 * packages teaches style rather than the tempo, key, mastering and codec of its recordings. Each call draws, in
 * this order:
 * <ul>
 *   <li>a tempo change: time stretched by a factor in [1/{@value #MAX_STRETCH}, {@value #MAX_STRETCH}] (linear
 *       interpolation between frames; the patch carries spare frames for the speed-ups);</li>
 *   <li>a pitch change: the spectrum shifted by up to {@value #MAX_SHIFT_BANDS} mel band up or down;</li>
 *   <li>an EQ: a gain from −{@value #GAIN_CUT_DB} to +{@value #GAIN_BOOST_DB} dB (a quiet recording, or the same
 *       song played softly, is the same style; centred near 0 dB, since a range centred on −12 dB made every clean
 *       test song look louder than anything in training and the network read them all as one style), a linear
 *       tilt of ±{@value #TILT_DB} dB from the lowest to the highest
 *       band, and two bell-shaped boosts or cuts of up to ±{@value #BELL_DB} dB;</li>
 *   <li>with probability {@value #NOISE_P}, a noise floor {@value #NOISE_MIN_BELOW}–{@value #NOISE_MAX_BELOW} dB
 *       below the patch's median level (added in power, as real noise adds);</li>
 *   <li>with probability {@value #LOWPASS_P}, a codec-like low-pass: the bands above a random cut-off fall by
 *       {@value #LOWPASS_DB} dB (MP3 and Vorbis at low bit rates cut the top octave);</li>
 *   <li>one frequency mask of up to 8 bands set to the floor.</li>
 * </ul>
 * A share of {@value #CLEAN_P} of the patches stays clean (only cut to length), so training also sees music as
 * the engine will. Levels stay at or above the engine's log floor. The output has exactly {@code frames} frames.
 */
public final class MelAugmentation {
    static final double MAX_STRETCH = 1.2;
    static final int MAX_SHIFT_BANDS = 1;
    static final double CLEAN_P = 0.25;
    static final double GAIN_CUT_DB = 20;
    static final double GAIN_BOOST_DB = 12;
    static final double TILT_DB = 12;
    static final double BELL_DB = 8;
    static final double NOISE_P = 0.3;
    static final double NOISE_MIN_BELOW = 25;
    static final double NOISE_MAX_BELOW = 50;
    static final double LOWPASS_P = 0.3;
    static final double LOWPASS_DB = 40;

    private MelAugmentation() {
    }

    /** The largest time-stretch factor needs this many source frames for {@code frames} output frames. */
    public static int sourceFrames(int frames) {
        return (int) Math.ceil((frames - 1) * MAX_STRETCH) + 1;
    }

    public static float[] apply(float[] logMel, int frames, Random r) {
        int bands = AnalysisSettings.MEL_BANDS;
        float floor = (float) AnalysisSettings.LOG_FLOOR_DB;
        int available = logMel.length / bands;
        if (r.nextDouble() < CLEAN_P) {
            return Arrays.copyOf(logMel, frames * bands);
        }
        double rate = Math.exp((r.nextDouble() * 2 - 1) * Math.log(MAX_STRETCH));
        rate = Math.min(rate, (available - 1) / (double) Math.max(1, frames - 1));
        int shift = r.nextInt(2 * MAX_SHIFT_BANDS + 1) - MAX_SHIFT_BANDS;
        double[] eq = equaliser(bands, r);
        float[] out = new float[frames * bands];
        for (int t = 0; t < frames; t++) {
            double pos = t * rate;
            int i0 = (int) pos;
            int i1 = Math.min(available - 1, i0 + 1);
            double frac = pos - i0;
            for (int b = 0; b < bands; b++) {
                int src = Math.max(0, Math.min(bands - 1, b - shift));
                double v = logMel[i0 * bands + src] * (1 - frac) + logMel[i1 * bands + src] * frac;
                out[t * bands + b] = (float) (v + eq[b]);
            }
        }
        if (r.nextDouble() < NOISE_P) {
            double level = median(out) - (NOISE_MIN_BELOW + r.nextDouble() * (NOISE_MAX_BELOW - NOISE_MIN_BELOW));
            double noise = Math.pow(10, level / 10);
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) (10 * Math.log10(Math.pow(10, out[i] / 10.0) + noise));
            }
        }
        int cutoff = r.nextDouble() < LOWPASS_P ? bands / 2 + r.nextInt(bands / 2) : bands;
        int maskWidth = r.nextInt(9);
        int maskStart = r.nextInt(bands - maskWidth + 1);
        for (int i = 0; i < out.length; i++) {
            int b = i % bands;
            double v = out[i] - (b >= cutoff ? LOWPASS_DB : 0);
            out[i] = b >= maskStart && b < maskStart + maskWidth ? floor : (float) Math.max(floor, v);
        }
        return out;
    }

    /** Per-band gain in dB: overall gain, linear tilt and two bells. */
    private static double[] equaliser(int bands, Random r) {
        double gain = -GAIN_CUT_DB + r.nextDouble() * (GAIN_CUT_DB + GAIN_BOOST_DB);
        double tilt = (r.nextDouble() * 2 - 1) * TILT_DB;
        double[] eq = new double[bands];
        for (int b = 0; b < bands; b++) {
            eq[b] = gain + tilt * (b / (double) (bands - 1) - 0.5);
        }
        for (int k = 0; k < 2; k++) {
            double centre = r.nextDouble() * bands;
            double width = 3 + r.nextDouble() * 9;
            double db = (r.nextDouble() * 2 - 1) * BELL_DB;
            for (int b = 0; b < bands; b++) {
                double d = (b - centre) / width;
                eq[b] += db * Math.exp(-d * d);
            }
        }
        return eq;
    }

    private static double median(float[] v) {
        float[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
