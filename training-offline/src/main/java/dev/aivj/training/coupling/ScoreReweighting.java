package dev.aivj.training.coupling;

import java.util.List;

/**
 * Score-distribution reweighting: α_i = exp(β·score_i) / Σ_j exp(β·score_j) over a batch, so pairs the team
 * scored high pull harder on both losses. β = 0 gives every pair the same weight 1/B.
 */
public final class ScoreReweighting {
    /** The default β: pairs above 4 then get about 4–5× the share of a pair of average score (see the test). */
    public static final float DEFAULT_BETA = 1.5f;

    private ScoreReweighting() {
    }

    public static float[] alphas(List<CouplingExample> batch, float beta) {
        double max = Double.NEGATIVE_INFINITY;
        for (CouplingExample e : batch) {
            max = Math.max(max, beta * e.score());
        }
        double[] ex = new double[batch.size()];
        double sum = 0;
        for (int i = 0; i < ex.length; i++) {
            ex[i] = Math.exp(beta * batch.get(i).score() - max); // max-subtracted: no overflow at any β
            sum += ex[i];
        }
        float[] out = new float[ex.length];
        for (int i = 0; i < ex.length; i++) {
            out[i] = (float) (ex[i] / sum);
        }
        return out;
    }
}
