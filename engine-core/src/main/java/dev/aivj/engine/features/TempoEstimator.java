package dev.aivj.engine.features;

/**
 * Global tempo from the onset envelope.
 *
 * <ol>
 *   <li>The envelope is smoothed (Gaussian, σ = 1 frame) and its mean removed.</li>
 *   <li>Tempo period strength TPS(τ): its (non-negative) autocorrelation at integer lags τ weighted by a
 *       log-Gaussian tempo prior centred on {@link #PRIOR_CENTRE_BPM} with a standard deviation of
 *       {@link #PRIOR_OCTAVES} octave (Ellis 2007; librosa's defaults).</li>
 *   <li>Octave decision (Ellis 2007, "TPS2/TPS3"): a beat period also shows at its multiples, so each lag τ in
 *       [minBpm, maxBpm] is scored by TPS(τ) + 0.5·TPS(2τ) + 0.25·(TPS(2τ−1) + TPS(2τ+1)) (duple metre) and by
 *       TPS(τ) + 0.33·(TPS(3τ−1) + TPS(3τ) + TPS(3τ+1)) (triple metre); the lag with the highest score wins. The
 *       prior alone picks between T and T/2 by a few percent of autocorrelation; with the metre terms, the faster
 *       reading wins when the slower pulse backs it, while a half-tempo candidate's own multiples (4 and 6 lags)
 *       lie where the prior has faded.</li>
 *   <li>The best lag is refined to a fractional period P (step 0.01 frame) maximising the summed
 *       autocorrelation at P, 2P, ... {@link #MAX_MULTIPLES}·P (linearly interpolated between integer lags). A
 *       single lag cannot resolve a fraction of a frame, but its multiples can: at 43 frames/s one frame is
 *       several BPM at fast tempi.</li>
 * </ol>
 * Confidence = autocorrelation at the chosen lag / autocorrelation at lag 0, clamped to 0..1.
 */
public final class TempoEstimator {
    static final double PRIOR_CENTRE_BPM = 120.0;
    static final double PRIOR_OCTAVES = 1.0;
    private static final double REFINE_STEP = 0.01;
    private static final int MAX_MULTIPLES = 8;

    private final double frameRate;
    private final double minBpm;
    private final double maxBpm;

    public TempoEstimator(double frameRate, double minBpm, double maxBpm) {
        this.frameRate = frameRate;
        this.minBpm = minBpm;
        this.maxBpm = maxBpm;
    }

    public Tempo estimate(float[] onset) {
        double[] env = centredSmoothed(onset);
        int minLag = Math.max(1, (int) Math.floor(60.0 * frameRate / maxBpm));
        int maxLag = (int) Math.ceil(60.0 * frameRate / minBpm);
        if (env.length < 2 * maxLag) {
            return Tempo.NONE; // fewer than two beats at the slowest tempo
        }
        double energy = autocorrelation(env, 0);
        if (energy <= 1e-12) {
            return Tempo.NONE;
        }
        // TPS up to three times the longest lag, for the metre terms (0 where the song is too short).
        double[] tps = new double[3 * maxLag + 2];
        for (int lag = 1; lag < tps.length && lag < env.length; lag++) {
            tps[lag] = Math.max(0.0, autocorrelation(env, lag)) * prior(60.0 * frameRate / lag);
        }
        int bestLag = -1;
        double bestScore = 0;
        for (int lag = minLag; lag <= maxLag; lag++) {
            double bpm = 60.0 * frameRate / lag;
            if (bpm < minBpm || bpm > maxBpm) {
                continue;
            }
            double score = Math.max(duple(tps, lag), triple(tps, lag));
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

    /** Ellis's TPS2: the lag backed by the pulse at twice its period (duple metre). */
    private static double duple(double[] s, int lag) {
        int m = 2 * lag;
        return s[lag] + 0.5 * s[m] + 0.25 * (s[m - 1] + s[m + 1]);
    }

    /** Ellis's TPS3: the lag backed by the pulse at three times its period (triple metre). */
    private static double triple(double[] s, int lag) {
        int m = 3 * lag;
        return s[lag] + 0.33 * (s[m - 1] + s[m] + s[m + 1]);
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
        double octaves = Math.log(bpm / PRIOR_CENTRE_BPM) / Math.log(2.0) / PRIOR_OCTAVES;
        return Math.exp(-0.5 * octaves * octaves);
    }

    /** Mean over t of env[t]·env[t+lag]. */
    static double autocorrelation(double[] env, int lag) {
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
