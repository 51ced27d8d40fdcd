package dev.aivj.engine.features;

/**
 * Beat times by dynamic programming (Ellis 2007): each frame's score is its onset strength plus the best
 * score of a predecessor about one beat period earlier, penalised by the squared log deviation from the
 * period. Backtracking from the best-scoring frame near the end gives beats that follow the onsets while
 * keeping the tempo.
 */
public final class BeatTracker {
    /** How strongly deviations from the global period are penalised (Ellis's "tightness"). */
    private static final double TIGHTNESS = 100.0;

    private final double frameRate;

    public BeatTracker(double frameRate) {
        this.frameRate = frameRate;
    }

    /** Beat times in seconds, ascending; empty when the tempo is unknown or the onset envelope is flat. */
    public double[] track(float[] onset, Tempo tempo) {
        double period = tempo.periodFrames(frameRate);
        int n = onset.length;
        if (period <= 0 || n < 2 * period) {
            return new double[0];
        }
        double[] norm = normalised(onset);
        if (norm == null) {
            return new double[0];
        }
        double[] score = new double[n];
        int[] back = new int[n];
        int minGap = (int) Math.max(1, Math.round(period / 2));
        int maxGap = (int) Math.round(period * 2);
        for (int t = 0; t < n; t++) {
            double best = 0;
            int from = -1;
            for (int gap = minGap; gap <= maxGap && t - gap >= 0; gap++) {
                double dev = Math.log(gap / period);
                double candidate = score[t - gap] - TIGHTNESS * dev * dev;
                if (from < 0 || candidate > best) {
                    best = candidate;
                    from = t - gap;
                }
            }
            score[t] = norm[t] + (from >= 0 ? Math.max(0, best) : 0);
            back[t] = from >= 0 && best > 0 ? from : -1;
        }
        int last = lastBeat(score, (int) Math.ceil(period));
        int count = 0;
        for (int t = last; t >= 0; t = back[t]) {
            count++;
        }
        double[] beats = new double[count];
        int i = count;
        for (int t = last; t >= 0; t = back[t]) {
            beats[--i] = t / frameRate;
        }
        return beats;
    }

    /** The highest-scoring frame within the final beat period. */
    private static int lastBeat(double[] score, int window) {
        int n = score.length;
        int best = n - 1;
        for (int t = Math.max(0, n - window); t < n; t++) {
            if (score[t] > score[best]) {
                best = t;
            }
        }
        return best;
    }

    /** Onset envelope divided by its standard deviation (null when it is flat). */
    private static double[] normalised(float[] onset) {
        double mean = 0;
        for (float v : onset) {
            mean += v;
        }
        mean /= onset.length;
        double var = 0;
        for (float v : onset) {
            var += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(var / onset.length);
        if (std <= 1e-9) {
            return null;
        }
        double[] out = new double[onset.length];
        for (int t = 0; t < onset.length; t++) {
            out[t] = onset[t] / std;
        }
        return out;
    }
}
