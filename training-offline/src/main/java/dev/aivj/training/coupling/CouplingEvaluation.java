package dev.aivj.training.coupling;

import java.util.List;

/**
 * The report's figures for one trained model.
 *
 * @param heldOutSpearman   Spearman of predicted quality against score on the held-out pairs
 * @param heldOutTop20      top-20 hit rate on the held-out pairs ({@link RankingMetrics#topKHitRate})
 * @param validationSpearman the same on the validation pairs (model selection used it)
 * @param goldenInTopQuartile elite pairs the model ranks in the top quarter of the whole pack
 * @param goldenTotal       elite pairs in the pack
 * @param worstGoldenPosition the lowest position (1 = top) of an elite pair in the model's ranking of the pack
 * @param packSize          pairs in the pack
 */
public record CouplingEvaluation(double heldOutSpearman, double heldOutTop20, double validationSpearman,
        int goldenInTopQuartile, int goldenTotal, int worstGoldenPosition, int packSize) {

    public static CouplingEvaluation of(CouplingPredictor model, PairSplit split, List<CouplingExample> pack) {
        float[][] test = model.predict(split.test());
        double[] q = new double[test.length];
        double[] s = new double[test.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = test[i][0];
            s[i] = split.test().get(i).score();
        }
        double valRho = CouplingTrainer.spearman(model.predict(split.validation()), split.validation());
        float[][] all = model.predict(pack);
        double[] qa = new double[all.length];
        for (int i = 0; i < qa.length; i++) {
            qa[i] = all[i][0];
        }
        int[] pos = RankingMetrics.positions(qa);
        int quartile = (pack.size() + 3) / 4;
        int inTop = 0;
        int total = 0;
        int worst = 0;
        // The golden figures are on the golden gate when the split has one (pairs the model never saw), else on every
        // elite pair (all of which trained).
        java.util.Set<Integer> gate = new java.util.HashSet<>();
        split.goldenGate().forEach(e -> gate.add(e.pair()));
        for (int i = 0; i < pack.size(); i++) {
            if (pack.get(i).elite() && (gate.isEmpty() || gate.contains(pack.get(i).pair()))) {
                total++;
                inTop += pos[i] < quartile ? 1 : 0;
                worst = Math.max(worst, pos[i] + 1);
            }
        }
        return new CouplingEvaluation(RankingMetrics.spearman(q, s), RankingMetrics.topKHitRate(q, s, 20), valRho,
                inTop, total, worst, pack.size());
    }

    /** Every elite pair ranks in the top quarter of its pack. */
    public boolean goldenSetPasses() {
        return goldenInTopQuartile == goldenTotal;
    }
}
