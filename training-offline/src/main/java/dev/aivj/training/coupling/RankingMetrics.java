package dev.aivj.training.coupling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** How well predicted qualities order pairs against their scores. */
public final class RankingMetrics {
    private RankingMetrics() {
    }

    /** Spearman's rank correlation of predictions against scores (average ranks for ties). */
    public static double spearman(double[] predicted, double[] score) {
        return pearson(ranks(predicted), ranks(score));
    }

    /**
     * Top-k hit rate: the share of the k pairs the model ranks highest that are among the k pairs with the
     * highest scores (1 = the model's top k are exactly the best k).
     */
    public static double topKHitRate(double[] predicted, double[] score, int k) {
        int n = Math.min(k, predicted.length);
        List<Integer> byPred = order(predicted);
        List<Integer> byScore = order(score);
        java.util.Set<Integer> best = new java.util.HashSet<>(byScore.subList(0, n));
        int hits = 0;
        for (int i = 0; i < n; i++) {
            hits += best.contains(byPred.get(i)) ? 1 : 0;
        }
        return n == 0 ? 0 : (double) hits / n;
    }

    /** Positions (0 = best) of each item when ordered by value, highest first; ties keep index order. */
    public static int[] positions(double[] values) {
        List<Integer> o = order(values);
        int[] pos = new int[values.length];
        for (int i = 0; i < o.size(); i++) {
            pos[o.get(i)] = i;
        }
        return pos;
    }

    private static List<Integer> order(double[] values) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            idx.add(i);
        }
        idx.sort(Comparator.comparingDouble((Integer i) -> values[i]).reversed().thenComparingInt(i -> i));
        return idx;
    }

    static double[] ranks(double[] v) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            idx.add(i);
        }
        idx.sort(Comparator.comparingDouble(i -> v[i]));
        double[] r = new double[v.length];
        for (int i = 0; i < idx.size();) {
            int j = i;
            while (j + 1 < idx.size() && v[idx.get(j + 1)] == v[idx.get(i)]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[idx.get(k)] = avg;
            }
            i = j + 1;
        }
        return r;
    }

    static double pearson(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < a.length; i++) {
            cov += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        return va == 0 || vb == 0 ? 0 : cov / Math.sqrt(va * vb);
    }
}
