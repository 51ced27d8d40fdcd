package dev.aivj.training.feedback;

import dev.aivj.engine.feedback.GlobalPrior;
import dev.aivj.engine.looks.MeasuredLook;
import dev.aivj.engine.presets.PresetFeatures;
import dev.aivj.engine.recommend.LibraryPair;
import dev.aivj.engine.recommend.LookPercentiles;
import dev.aivj.engine.recommend.LookSpace;
import dev.aivj.engine.recommend.PairFeatures;
import dev.aivj.engine.recommend.PairLibrary;
import dev.aivj.engine.recommend.StyleAffinity;
import dev.aivj.training.coupling.CouplingExample;
import dev.aivj.training.coupling.CouplingPairs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./aivj train-coupling --feedback DIR}: fine-tunes the coupling model from the federation's aggregated
 * feedback (DIR/prior.json, the {@link GlobalPrior}) by moving each pair's ranking target, then training as usual:
 * <pre>
 * target' = clamp₀₁(target + β · clamp₋₁₁(θ · x̄(pair))),   β = {@value #BETA}
 * </pre>
 * θ·x is the viewers' expected reward (−1..1) for the pair; x̄ is the pair's {@link PairFeatures} in an average
 * section: block weights 1, energy 0.5, and p = 1/7 for each of the seven styles. The pair's φ: its look as
 * export-library computes the pair library's (the mean of its two presets' percentiles, {@link LookPercentiles},
 * over the same preset vectors), and w_s, w_t, quality from the pair library when the pair is in it (the served
 * model's values); a pair not in the library gets the features' centres (w_s 2.5, w_t 2, quality 0.9: φ 0 there),
 * since its own are what this training is about to produce. β = 0.1 lets the strongest preference move a pair by a
 * tenth of the ranking's range (50 places of 500): the viewers nudge the team's scores, they do not replace them.
 * The moved targets go through the same training, golden gate and {@code ./aivj promote} as any model.
 */
public final class FeedbackTargets {
    public static final double BETA = 0.1;
    public static final String PRIOR_FILE = "prior.json";
    static final String LIBRARY = "web-frontend/src/main/resources/web/pairs/pair-library.json";

    /** The pairs with moved targets, and how many moved by how much. */
    public record Adjusted(CouplingPairs.Loaded loaded, int moved, int up, int down, double meanAbsShift,
            double maxAbsShift) {
        public String summary(GlobalPrior prior) {
            return String.format(java.util.Locale.ROOT, "feedback prior v%d (%d updates): moved %d of %d pairs' "
                    + "targets (%d up, %d down), mean |shift| %.4f, max |shift| %.4f (β = %s)", prior.version(),
                    prior.updates(), moved, loaded.pairs().size(), up, down, meanAbsShift, maxAbsShift, BETA);
        }
    }

    private FeedbackTargets() {
    }

    /** DIR/prior.json; refuses a missing or malformed one with one line saying what is wrong. */
    public static GlobalPrior readPrior(Path dir) {
        Path f = Files.isDirectory(dir) ? dir.resolve(PRIOR_FILE) : dir;
        if (!Files.isRegularFile(f)) {
            throw new IllegalArgumentException("--feedback " + dir + ": no " + PRIOR_FILE
                    + " (the federation's aggregated prior) there");
        }
        try {
            return GlobalPrior.parse(Files.readString(f));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("--feedback " + f + ": " + e.getMessage());
        }
    }

    /** x̄'s block weights: 1, energy 0.5, each style 1/7. */
    public static double[] averageBlocks() {
        double[] w = new double[PairFeatures.BLOCKS];
        w[0] = 1;
        w[1] = 0.5;
        for (int k = 0; k < StyleAffinity.STYLES.length; k++) {
            w[2 + k] = 1.0 / StyleAffinity.STYLES.length;
        }
        return w;
    }

    /** target + β·clamp(preference, −1, 1), clamped to 0..1. */
    public static float shifted(float target, double preference) {
        double p = Math.max(-1, Math.min(1, preference));
        return (float) Math.max(0, Math.min(1, target + BETA * p));
    }

    /**
     * train-coupling's step: the pairs with their targets moved, w_s, w_t and quality from the served pair library
     * ({@value #LIBRARY}, when there); prints what moved.
     */
    public static CouplingPairs.Loaded fineTune(CouplingPairs.Loaded loaded, GlobalPrior prior,
            Map<String, float[]> vectors) throws IOException {
        Path file = Path.of(LIBRARY);
        PairLibrary library = Files.isRegularFile(file) ? PairLibrary.parse(Files.readString(file)) : null;
        Adjusted a = apply(loaded, prior, vectors, library);
        System.out.println("train-coupling: " + a.summary(prior) + (library == null ? "; no pair library at " + file
                + ", so every pair's w_s, w_t and quality features are at their centres" : ""));
        return a.loaded();
    }

    /**
     * The pairs with their targets moved by the prior's preference.
     *
     * @param vectors the preset vectors training uses (their looks give the pairs' look, as in export-library)
     * @param library the served pair library (w_s, w_t, quality of the pairs in it), or null
     */
    public static Adjusted apply(CouplingPairs.Loaded loaded, GlobalPrior prior, Map<String, float[]> vectors,
            PairLibrary library) {
        LookPercentiles pct = new LookPercentiles(vectors.values().stream().map(FeedbackTargets::look).toList());
        Map<String, LibraryPair> served = new HashMap<>();
        if (library != null) {
            for (LibraryPair p : library.pairs()) {
                served.put(p.fg() + "|" + p.bg(), p);
            }
        }
        double[] theta = prior.theta();
        double[] blocks = averageBlocks();
        List<CouplingExample> out = new ArrayList<>();
        int moved = 0;
        int up = 0;
        int down = 0;
        double sumAbs = 0;
        double maxAbs = 0;
        for (CouplingExample e : loaded.pairs()) {
            double[] x = PairFeatures.combine(blocks, PairFeatures.ofPair(pairAsServed(e, pct, served)));
            double preference = 0;
            for (int j = 0; j < x.length; j++) {
                preference += theta[j] * x[j];
            }
            float target = shifted(e.target(), preference);
            double shift = target - e.target();
            if (shift != 0) {
                moved++;
                up += shift > 0 ? 1 : 0;
                down += shift < 0 ? 1 : 0;
                sumAbs += Math.abs(shift);
                maxAbs = Math.max(maxAbs, Math.abs(shift));
            }
            out.add(new CouplingExample(e.pair(), e.fg(), e.bg(), e.score(), e.rank(), target, e.elite(), e.upper(),
                    e.lower()));
        }
        return new Adjusted(new CouplingPairs.Loaded(loaded.pack(), out, loaded.skipped()), moved, up, down,
                moved == 0 ? 0 : sumAbs / moved, maxAbs);
    }

    /** The pair as the engine's features see it: the served library's entry, or its look with centred weights. */
    static LibraryPair pairAsServed(CouplingExample e, LookPercentiles pct, Map<String, LibraryPair> served) {
        LibraryPair p = served.get(e.fg() + "|" + e.bg());
        if (p != null) {
            return p;
        }
        double[] a = pct.axes(look(e.upper()));
        double[] b = pct.axes(look(e.lower()));
        double[] lookMean = new double[LookSpace.DIMENSIONS];
        for (int k = 0; k < lookMean.length; k++) {
            lookMean[k] = (a[k] + b[k]) / 2;
        }
        return new LibraryPair(e.fg(), e.bg(), "", "", 0.9, 2.5, 2, lookMean);
    }

    private static float[] look(float[] vector) {
        return Arrays.copyOfRange(vector, PresetFeatures.LENGTH, PresetFeatures.LENGTH + MeasuredLook.LENGTH);
    }
}
