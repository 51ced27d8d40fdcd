package dev.aivj.training.feedback;

import dev.aivj.engine.feedback.QualityWeightedPick;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A simulation's curves over its seeds, and what the report says of them: each policy's curve with 95 % t-intervals
 * over seeds, and the learned arm's lift (paired by seed) over the recommender (no learning) and over
 * weighted-random, at its default γ and at the γ of the sweep with the best late mean rating ("peers at their
 * best configuration"), in the early and the late sessions ({@link SimulationConfig#window()}).
 */
public final class SimulationResult {
    /** What a curve measures. */
    public enum Metric {
        RATING("mean true rating", 3), HITS("top-20 hit rate", 3);

        final String label;
        final int digits;

        Metric(String label, int digits) {
            this.label = label;
            this.digits = digits;
        }
    }

    private final SimulationConfig config;
    private final List<Map<String, FeedbackSimulation.Curves>> seeds;

    public SimulationResult(SimulationConfig config, List<Map<String, FeedbackSimulation.Curves>> seeds) {
        this.config = config;
        this.seeds = List.copyOf(seeds);
    }

    public SimulationConfig config() {
        return config;
    }

    /** Per session index, the policy's mean over seeds with its interval. */
    public MeanInterval[] curve(String key, Metric m) {
        MeanInterval[] out = new MeanInterval[config.sessions()];
        for (int s = 0; s < out.length; s++) {
            double[] v = new double[seeds.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = values(seeds.get(i).get(key), m)[s];
            }
            out[s] = MeanInterval.of(v);
        }
        return out;
    }

    /** The policy's mean over the early (first quarter) or late (last quarter) sessions, over seeds. */
    public MeanInterval window(String key, Metric m, boolean late) {
        return MeanInterval.of(perSeed(key, m, late));
    }

    /** The learned arm minus {@code baseline}, per seed, over the window. */
    public MeanInterval lift(String baseline, Metric m, boolean late) {
        double[] a = perSeed(FeedbackSimulation.LEARNED, m, late);
        double[] b = perSeed(baseline, m, late);
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        return MeanInterval.of(d);
    }

    /**
     * How much the learned arm's lift over {@code baseline} grew from the early to the late sessions, per seed: what
     * the learning added over time (both arms watched the same songs, so the songs' differences cancel).
     */
    public MeanInterval liftGrowth(String baseline, Metric m) {
        double[] d = new double[seeds.size()];
        double[] learnedLate = perSeed(FeedbackSimulation.LEARNED, m, true);
        double[] learnedEarly = perSeed(FeedbackSimulation.LEARNED, m, false);
        double[] baseLate = perSeed(baseline, m, true);
        double[] baseEarly = perSeed(baseline, m, false);
        for (int i = 0; i < d.length; i++) {
            d[i] = (learnedLate[i] - baseLate[i]) - (learnedEarly[i] - baseEarly[i]);
        }
        return MeanInterval.of(d);
    }

    public String controlKey() {
        return FeedbackSimulation.weightedKey(QualityWeightedPick.GAMMA);
    }

    /** The weighted-random γ with the best late mean rating. */
    public String bestWeightedKey() {
        String best = controlKey();
        double bestValue = Double.NEGATIVE_INFINITY;
        for (double g : config.gammas()) {
            String k = FeedbackSimulation.weightedKey(g);
            double v = window(k, Metric.RATING, true).mean();
            if (v > bestValue) {
                best = k;
                bestValue = v;
            }
        }
        return best;
    }

    /** The lift table as printed by simulate-feedback and put in report.md (markdown). */
    public String liftTable() {
        int w = config.window();
        String early = "early (sessions 1-" + w + ")";
        String late = "late (sessions " + (config.sessions() - w + 1) + "-" + config.sessions() + ")";
        String best = bestWeightedKey();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "SIMULATED viewers (not real people): %d viewers x %d sessions x %d "
                + "sections, %d seeds; mean over seeds [95 %% t-interval]%n%n", config.viewers(), config.sessions(),
                config.sections(), seeds.size()));
        b.append("| metric | window | learned | recommender | ").append(controlKey()).append(" | ").append(best)
                .append(" (best γ) | lift vs recommender | lift vs ").append(controlKey()).append(" | lift vs ")
                .append(best).append(" |\n");
        b.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Metric m : Metric.values()) {
            for (boolean isLate : new boolean[] {false, true}) {
                b.append("| ").append(m.label).append(" | ").append(isLate ? late : early);
                for (String k : List.of(FeedbackSimulation.LEARNED, FeedbackSimulation.RECOMMENDER, controlKey(),
                        best)) {
                    b.append(" | ").append(window(k, m, isLate).format(m.digits));
                }
                for (String k : List.of(FeedbackSimulation.RECOMMENDER, controlKey(), best)) {
                    MeanInterval l = lift(k, m, isLate);
                    b.append(" | ").append(signed(l, m.digits)).append(l.aboveZero() ? " ✓" : "");
                }
                b.append(" |\n");
            }
        }
        b.append(String.format(Locale.ROOT, "%nWhat learning added over the sessions (lift over the recommender, late "
                + "minus early, paired by seed): mean rating %s, top-20 hit rate %s%n",
                signed(liftGrowth(FeedbackSimulation.RECOMMENDER, Metric.RATING), 3),
                signed(liftGrowth(FeedbackSimulation.RECOMMENDER, Metric.HITS), 3)));
        b.append("\n✓: the whole 95 % interval of the lift is above 0. Weighted-random γ sweep (late mean rating): ");
        for (double g : config.gammas()) {
            String k = FeedbackSimulation.weightedKey(g);
            b.append(String.format(Locale.ROOT, "γ=%s %.3f; ", k.substring(k.indexOf('=') + 1),
                    window(k, Metric.RATING, true).mean()));
        }
        b.append("\n");
        return b.toString();
    }

    private static String signed(MeanInterval l, int digits) {
        String f = "%+." + digits + "f";
        return String.format(Locale.ROOT, f + " [" + f + ", " + f + "]", l.mean(), l.low(), l.high());
    }

    private double[] perSeed(String key, Metric m, boolean late) {
        int w = config.window();
        int from = late ? config.sessions() - w : 0;
        double[] out = new double[seeds.size()];
        for (int i = 0; i < out.length; i++) {
            double[] v = values(seeds.get(i).get(key), m);
            double sum = 0;
            for (int s = from; s < from + w; s++) {
                sum += v[s];
            }
            out[i] = sum / w;
        }
        return out;
    }

    private static double[] values(FeedbackSimulation.Curves c, Metric m) {
        if (c == null) {
            throw new IllegalArgumentException("no such policy in the simulation");
        }
        return m == Metric.RATING ? c.rating() : c.hits();
    }
}
