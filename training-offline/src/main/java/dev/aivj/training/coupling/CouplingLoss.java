package dev.aivj.training.coupling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * The training loss over one batch, both parts weighted by {@link ScoreReweighting}'s α:
 * <ul>
 *   <li>ranking: Σ α_i (rank_i − σ(w_s·S_i + w_t·T_i + b))², rank_i being the pair's target in 0..1 and the
 *       σ(...) term the model's quality output;</li>
 *   <li>coupling: λ · Σ α_i ‖F_upper − F_lower‖² / d, which draws the two layers' features of well-scored pairs
 *       together (λ = 0 switches it off).</li>
 * </ul>
 */
public final class CouplingLoss {
    private final float beta;
    private final float lambda;

    public CouplingLoss(float beta, float lambda) {
        this.beta = beta;
        this.lambda = lambda;
    }

    public NDArray of(NDManager m, NDList out, List<CouplingExample> batch) {
        float[] target = new float[batch.size()];
        for (int i = 0; i < target.length; i++) {
            target[i] = batch.get(i).target();
        }
        NDArray alpha = m.create(ScoreReweighting.alphas(batch, beta));
        NDArray ranking = m.create(target).sub(out.get(0)).square().mul(alpha).sum();
        if (lambda == 0) {
            return ranking;
        }
        NDArray gap = out.get(5).sub(out.get(6)).square().mean(new int[] {1});
        return ranking.add(gap.mul(alpha).sum().mul(lambda));
    }
}
