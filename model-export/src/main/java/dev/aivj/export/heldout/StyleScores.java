package dev.aivj.export.heldout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores of held-out segment predictions: the segment confusion matrix, recall per style, balanced accuracy (mean
 * recall over the styles present: a big style cannot hide a missed one), track accuracy (the style of the mean
 * probability over a track's segments), and the expected calibration error of the top probability.
 */
public record StyleScores(String[] labels, int segments, int[][] confusion, double[] recall, double balancedAccuracy,
        int tracks, int tracksCorrect, double[] trackRecall, double trackBalancedAccuracy, double expectedCalibrationError) {

    /** Bins of the expected calibration error (equal width over the top probability). */
    public static final int ECE_BINS = 15;

    public static StyleScores of(String[] labels, List<SegmentPrediction> predictions) {
        int l = labels.length;
        int[][] confusion = new int[l][l];
        Map<String, double[]> trackSums = new LinkedHashMap<>();
        Map<String, Integer> trackTruth = new LinkedHashMap<>();
        for (SegmentPrediction p : predictions) {
            confusion[p.truth()][p.predicted()]++;
            double[] sum = trackSums.computeIfAbsent(p.fold() + "|" + p.track(), k -> new double[l]);
            for (int k = 0; k < l; k++) {
                sum[k] += p.probabilities()[k];
            }
            trackTruth.put(p.fold() + "|" + p.track(), p.truth());
        }
        int[][] trackConfusion = new int[l][l];
        List<SegmentPrediction> perTrack = new ArrayList<>();
        for (Map.Entry<String, double[]> e : trackSums.entrySet()) {
            perTrack.add(new SegmentPrediction("", e.getKey(), trackTruth.get(e.getKey()), e.getValue()));
        }
        int correctTracks = 0;
        for (SegmentPrediction t : perTrack) {
            trackConfusion[t.truth()][t.predicted()]++;
            correctTracks += t.truth() == t.predicted() ? 1 : 0;
        }
        double[] recall = recall(confusion);
        double[] trackRecall = recall(trackConfusion);
        return new StyleScores(labels.clone(), predictions.size(), confusion, recall, mean(recall), perTrack.size(),
                correctTracks, trackRecall, mean(trackRecall), expectedCalibrationError(predictions));
    }

    /** Recall per row of a confusion matrix; NaN for a style with no examples. */
    static double[] recall(int[][] confusion) {
        double[] r = new double[confusion.length];
        for (int k = 0; k < confusion.length; k++) {
            int row = 0;
            for (int v : confusion[k]) {
                row += v;
            }
            r[k] = row == 0 ? Double.NaN : (double) confusion[k][k] / row;
        }
        return r;
    }

    /** The mean of the values that are not NaN (NaN when there is none). */
    public static double mean(double[] v) {
        double sum = 0;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                sum += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Σ over bins of (bin share) × |accuracy − mean confidence| of the top probability. */
    public static double expectedCalibrationError(List<SegmentPrediction> predictions) {
        double[] conf = new double[ECE_BINS];
        double[] hits = new double[ECE_BINS];
        int[] count = new int[ECE_BINS];
        for (SegmentPrediction p : predictions) {
            double top = p.probabilities()[p.predicted()];
            int bin = Math.min(ECE_BINS - 1, (int) (top * ECE_BINS));
            conf[bin] += top;
            hits[bin] += p.predicted() == p.truth() ? 1 : 0;
            count[bin]++;
        }
        double ece = 0;
        for (int b = 0; b < ECE_BINS; b++) {
            if (count[b] > 0) {
                ece += (double) count[b] / predictions.size() * Math.abs(hits[b] / count[b] - conf[b] / count[b]);
            }
        }
        return ece;
    }
}
