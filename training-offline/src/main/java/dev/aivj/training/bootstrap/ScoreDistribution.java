package dev.aivj.training.bootstrap;

import java.util.Arrays;
import java.util.List;

/** Counts of scores per whole-number bin (0–1, …, 4–5) with min, median, mean and max, as a Markdown table row. */
public final class ScoreDistribution {
    private ScoreDistribution() {
    }

    public static String header() {
        return "| set | pairs | 0–1 | 1–2 | 2–3 | 3–4 | 4–5 | min | median | mean | max |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
    }

    public static String row(String name, List<ScoredPair> pairs) {
        double[] s = pairs.stream().mapToDouble(ScoredPair::score).sorted().toArray();
        int[] bins = new int[5];
        for (double v : s) {
            bins[Math.min(4, (int) Math.floor(v))]++;
        }
        double mean = Arrays.stream(s).average().orElse(Double.NaN);
        double median = s.length == 0 ? Double.NaN
                : s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
        return String.format("| %s | %d | %d | %d | %d | %d | %d | %.2f | %.2f | %.2f | %.2f |", name, s.length,
                bins[0], bins[1], bins[2], bins[3], bins[4], s.length == 0 ? Double.NaN : s[0], median, mean,
                s.length == 0 ? Double.NaN : s[s.length - 1]);
    }
}
