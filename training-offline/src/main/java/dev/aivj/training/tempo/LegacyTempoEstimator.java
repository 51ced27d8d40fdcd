package dev.aivj.training.tempo;

import dev.aivj.engine.features.Tempo;

/**
 * engine-core's tempo estimator before issue 14 (60–180 BPM, the lag with the highest prior-weighted
 * autocorrelation), kept verbatim so that {@link TempoEvaluation} can report before/after on the same onsets.
 * Not used by the engine.
 *
 * <ol>
 *   <li>The envelope is smoothed (Gaussian, σ = 1 frame) and its mean removed.</li>
 *   <li>Its autocorrelation at integer lags covering [minBpm, maxBpm] is weighted by a log-normal tempo prior
 *       centred on {@link #PRIOR_CENTRE_BPM} with a width of one octave; the prior settles the octave
 *       ambiguity between a period and its double, which have near-equal autocorrelation.</li>
 *   <li>The best lag is refined to a fractional period P (step 0.01 frame) maximising the summed
 *       autocorrelation at P, 2P, ... {@link #MAX_MULTIPLES}·P (linearly interpolated between integer lags). A
 *       single lag cannot resolve a fraction of a frame, but its multiples can: at 43 frames/s one frame is
 *       several BPM at fast tempi.</li>
 * </ol>
 * Confidence = autocorrelation at the chosen lag / autocorrelation at lag 0, clamped to 0..1.
 */
public final class LegacyTempoEstimator {
    private static final double PRIOR_CENTRE_BPM = 130.0;
    private static final double REFINE_STEP = 0.01;
    private static final int MAX_MULTIPLES = 8;

    private final double frameRate;
    private final double minBpm;
    private final double maxBpm;

    public LegacyTempoEstimator(double frameRate, double minBpm, double maxBpm) {
        this.frameRate = frameRate;
        this.minBpm = minBpm;
        this.maxBpm = maxBpm;
    }

    public Tempo estimate(float[] onset) {
        double[] env = centredSmoothed(onset);
        int minLag = (int) Math.floor(60.0 * frameRate / maxBpm);
        int maxLag = (int) Math.ceil(60.0 * frameRate / minBpm);
        if (env.length < 2 * maxLag) {
            return Tempo.NONE; // fewer than two beats at the slowest tempo
        }
        double energy = autocorrelation(env, 0);
        if (energy <= 1e-12) {
            return Tempo.NONE;
        }
        int bestLag = -1;
        double bestScore = 0;
        for (int lag = Math.max(1, minLag); lag <= maxLag; lag++) {
            double bpm = 60.0 * frameRate / lag;
            if (bpm < minBpm || bpm > maxBpm) {
                continue;
            }
            double score = autocorrelation(env, lag) * prior(bpm);
            if (score > bestScore) {
                bestScore = score;
                bestLag = lag;
            }
        }
        if (bestLag < 0) {
            return Tempo.NONE;
        }
        double lag = refine(env, bestLag);
        double confidence = Math.max(0.0, Math.min(1.0, autocorrelation(env, bestLag) / energy));
        double bpm = Math.max(minBpm, Math.min(maxBpm, 60.0 * frameRate / lag));
        return new Tempo(bpm, confidence);
    }

    private static double refine(double[] env, int lag) {
        int multiples = Math.max(1, Math.min(MAX_MULTIPLES, (env.length / 2) / (lag + 1)));
        double[] acf = new double[multiples * (lag + 1) + 2];
        for (int l = 0; l < acf.length; l++) {
            acf[l] = autocorrelation(env, l);
        }
        int steps = (int) Math.round(2.0 / REFINE_STEP);
        double[] score = new double[steps + 1];
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= steps; i++) {
            double period = lag - 1.0 + i * REFINE_STEP;
            double sum = 0;
            for (int k = 1; k <= multiples; k++) {
                sum += interpolate(acf, k * period);
            }
            score[i] = sum;
            best = Math.max(best, sum);
        }
        // The maximum can be a plateau; its middle is the least biased estimate.
        int first = -1;
        int last = -1;
        for (int i = 0; i <= steps; i++) {
            if (score[i] >= best - 1e-12 * Math.abs(best)) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            } else if (first >= 0) {
                break;
            }
        }
        return lag - 1.0 + 0.5 * (first + last) * REFINE_STEP;
    }

    private static double interpolate(double[] values, double x) {
        int i = (int) Math.floor(x);
        if (i + 1 >= values.length) {
            return values[values.length - 1];
        }
        double frac = x - i;
        return values[i] * (1.0 - frac) + values[i + 1] * frac;
    }

    private static double prior(double bpm) {
        double octaves = Math.log(bpm / PRIOR_CENTRE_BPM) / Math.log(2.0);
        return Math.exp(-0.5 * octaves * octaves);
    }

    /** Mean over t of env[t]·env[t+lag]. */
    private static double autocorrelation(double[] env, int lag) {
        int count = env.length - lag;
        if (count <= 0) {
            return 0.0;
        }
        double sum = 0;
        for (int t = 0; t < count; t++) {
            sum += env[t] * env[t + lag];
        }
        return sum / count;
    }

    private static double[] centredSmoothed(float[] onset) {
        int n = onset.length;
        double[] kernel = {0.0545, 0.2442, 0.4026, 0.2442, 0.0545}; // Gaussian, σ = 1 frame
        double[] env = new double[n];
        double mean = 0;
        for (int t = 0; t < n; t++) {
            double v = 0;
            for (int k = 0; k < kernel.length; k++) {
                int i = t + k - 2;
                if (i >= 0 && i < n) {
                    v += kernel[k] * onset[i];
                }
            }
            env[t] = v;
            mean += v;
        }
        mean /= Math.max(1, n);
        for (int t = 0; t < n; t++) {
            env[t] -= mean;
        }
        return env;
    }
}
