package dev.aivj.export.heldout;

import java.util.ArrayList;
import java.util.List;

/**
 * Temperature scaling (Guo et al. 2017): one scalar T divides the style logits, chosen to minimise the negative
 * log-likelihood of held-out predictions. It changes confidence, never the ranking of styles, so accuracy stays
 * as it is. In the shipped bundle T is folded into the style head (weights and bias divided by T).
 */
public final class TemperatureScaling {
    static final double MIN_T = 0.25;
    static final double MAX_T = 8;

    private TemperatureScaling() {
    }

    /** The T in [{@value #MIN_T}, {@value #MAX_T}] (log-spaced grid, then refined) with the lowest mean NLL. */
    public static double fit(List<SegmentPrediction> predictions) {
        double best = 1;
        double bestNll = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= 200; i++) {
            double t = MIN_T * Math.pow(MAX_T / MIN_T, i / 200.0);
            double nll = nll(predictions, t);
            if (nll < bestNll) {
                bestNll = nll;
                best = t;
            }
        }
        return best;
    }

    static double nll(List<SegmentPrediction> predictions, double t) {
        double sum = 0;
        for (SegmentPrediction p : predictions) {
            sum -= Math.log(Math.max(1e-12, scale(p.probabilities(), t)[p.truth()]));
        }
        return sum / Math.max(1, predictions.size());
    }

    /** softmax(log p / T). */
    public static double[] scale(double[] p, double t) {
        double[] out = new double[p.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < p.length; k++) {
            out[k] = Math.log(Math.max(1e-30, p[k])) / t;
            max = Math.max(max, out[k]);
        }
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            out[k] = Math.exp(out[k] - max);
            sum += out[k];
        }
        for (int k = 0; k < p.length; k++) {
            out[k] /= sum;
        }
        return out;
    }

    public static List<SegmentPrediction> apply(List<SegmentPrediction> predictions, double t) {
        List<SegmentPrediction> out = new ArrayList<>(predictions.size());
        for (SegmentPrediction p : predictions) {
            out.add(new SegmentPrediction(p.fold(), p.track(), p.truth(), scale(p.probabilities(), t)));
        }
        return out;
    }
}
