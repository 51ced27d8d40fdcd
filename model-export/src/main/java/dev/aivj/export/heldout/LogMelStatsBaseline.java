package dev.aivj.export.heldout;

import dev.aivj.engine.features.FrameFeatures;
import java.util.List;

/**
 * The baseline the network must beat: multinomial logistic regression (L2, class-balanced, full-batch gradient
 * descent) on log-mel statistics of a segment: per-band mean and standard deviation of the log-mel, and the mean
 * and standard deviation of spectral flux, onset strength and centroid. Features are standardised with the
 * training set's mean and deviation.
 */
public final class LogMelStatsBaseline {
    static final double L2 = 1e-3;
    static final double LEARNING_RATE = 0.5;
    static final int ITERATIONS = 400;

    private final double[] mean;
    private final double[] std;
    private final double[][] weights; // [labels][features + 1], last = bias

    private LogMelStatsBaseline(double[] mean, double[] std, double[][] weights) {
        this.mean = mean;
        this.std = std;
        this.weights = weights;
    }

    /** The statistics of frames [start, start + frames) of {@code f}. */
    public static double[] features(FrameFeatures f, int start, int frames) {
        int bands = f.melBands();
        double[] x = new double[2 * bands + 6];
        float[] mel = f.logMel();
        for (int b = 0; b < bands; b++) {
            double s = 0;
            double sq = 0;
            for (int t = start; t < start + frames; t++) {
                double v = mel[t * bands + b];
                s += v;
                sq += v * v;
            }
            x[b] = s / frames;
            x[bands + b] = Math.sqrt(Math.max(0, sq / frames - x[b] * x[b]));
        }
        float[][] series = {f.flux(), f.onset(), f.centroidHz()};
        for (int k = 0; k < series.length; k++) {
            double s = 0;
            double sq = 0;
            for (int t = start; t < start + frames; t++) {
                s += series[k][t];
                sq += (double) series[k][t] * series[k][t];
            }
            x[2 * bands + 2 * k] = s / frames;
            x[2 * bands + 2 * k + 1] = Math.sqrt(Math.max(0, sq / frames - (s / frames) * (s / frames)));
        }
        return x;
    }

    /** Trains on feature rows {@code x} with labels {@code y} in [0, labels). */
    public static LogMelStatsBaseline train(List<double[]> x, int[] y, int labels) {
        int n = x.size();
        int d = x.get(0).length;
        double[] mean = new double[d];
        double[] std = new double[d];
        for (double[] r : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += r[j] / n;
            }
        }
        for (double[] r : x) {
            for (int j = 0; j < d; j++) {
                std[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            std[j] = Math.max(1e-6, Math.sqrt(std[j]));
        }
        double[][] z = new double[n][];
        for (int i = 0; i < n; i++) {
            z[i] = standardise(x.get(i), mean, std);
        }
        int[] count = new int[labels];
        for (int v : y) {
            count[v]++;
        }
        double[] classWeight = new double[labels];
        int present = 0;
        for (int c : count) {
            present += c > 0 ? 1 : 0;
        }
        for (int k = 0; k < labels; k++) {
            classWeight[k] = count[k] == 0 ? 0 : (double) n / (present * count[k]);
        }
        double[][] w = new double[labels][d + 1];
        LogMelStatsBaseline model = new LogMelStatsBaseline(mean, std, w);
        for (int it = 0; it < ITERATIONS; it++) {
            double[][] grad = new double[labels][d + 1];
            for (int i = 0; i < n; i++) {
                double[] p = model.probabilitiesOfStandardised(z[i]);
                for (int k = 0; k < labels; k++) {
                    double g = (p[k] - (y[i] == k ? 1 : 0)) * classWeight[y[i]] / n;
                    for (int j = 0; j < d; j++) {
                        grad[k][j] += g * z[i][j];
                    }
                    grad[k][d] += g;
                }
            }
            for (int k = 0; k < labels; k++) {
                for (int j = 0; j <= d; j++) {
                    w[k][j] -= LEARNING_RATE * (grad[k][j] + (j < d ? L2 * w[k][j] : 0));
                }
            }
        }
        return model;
    }

    public double[] probabilities(double[] features) {
        return probabilitiesOfStandardised(standardise(features, mean, std));
    }

    private double[] probabilitiesOfStandardised(double[] z) {
        int labels = weights.length;
        double[] logits = new double[labels];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < labels; k++) {
            double s = weights[k][z.length];
            for (int j = 0; j < z.length; j++) {
                s += weights[k][j] * z[j];
            }
            logits[k] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int k = 0; k < labels; k++) {
            logits[k] = Math.exp(logits[k] - max);
            sum += logits[k];
        }
        for (int k = 0; k < labels; k++) {
            logits[k] /= sum;
        }
        return logits;
    }

    private static double[] standardise(double[] x, double[] mean, double[] std) {
        double[] z = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            z[j] = (x[j] - mean[j]) / std[j];
        }
        return z;
    }
}
