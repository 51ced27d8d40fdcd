package dev.aivj.training.music;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.optimizer.Optimizer;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adam (Kingma &amp; Ba) whose moments and step counts can be saved and restored, so a resumed run continues
 * exactly where a checkpoint left off (DJL's own Adam keeps its state private). No weight decay, no clipping.
 */
public final class ResumableAdam extends Optimizer {
    private final float learningRate;
    private final float beta1 = 0.9f;
    private final float beta2 = 0.999f;
    private final float epsilon = 1e-8f;
    private final Map<String, NDArray> mean = new HashMap<>();
    private final Map<String, NDArray> variance = new HashMap<>();
    private final Map<String, Integer> steps = new HashMap<>();
    /** DJL passes parameter ids (random UUIDs); state is kept by the stable parameter names. */
    private final Map<String, String> names = new HashMap<>();

    public ResumableAdam(float learningRate) {
        super(new Builder());
        this.learningRate = learningRate;
    }

    /** Keys the state by the block's parameter names (stable across runs) instead of DJL's per-run ids. */
    public void bindNames(ai.djl.nn.Block block) {
        for (ai.djl.util.Pair<String, ai.djl.nn.Parameter> p : block.getParameters()) {
            names.put(p.getValue().getId(), p.getKey());
        }
    }

    @Override
    public void update(String id, NDArray weight, NDArray grad) {
        String parameterId = names.getOrDefault(id, id);
        NDArray m = mean.computeIfAbsent(parameterId, k -> weight.zerosLike());
        NDArray v = variance.computeIfAbsent(parameterId, k -> weight.zerosLike());
        int t = steps.merge(parameterId, 1, Integer::sum);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            m.muli(beta1).addi(grad.mul(1 - beta1));
            v.muli(beta2).addi(grad.square().muli(1 - beta2));
            double c1 = 1 - Math.pow(beta1, t);
            double c2 = 1 - Math.pow(beta2, t);
            NDArray step = m.div((float) c1).muli(learningRate).divi(v.div((float) c2).sqrt().addi(epsilon));
            weight.subi(step);
        }
    }

    /** Moments as NDList [m, v per parameter id in sorted order] and step counts, for a checkpoint. */
    public NDList momentState() {
        NDList out = new NDList();
        for (String id : new TreeMap<>(mean).keySet()) {
            out.add(mean.get(id).duplicate());
            out.add(variance.get(id).duplicate());
            out.get(out.size() - 2).setName("m:" + id);
            out.get(out.size() - 1).setName("v:" + id);
        }
        return out;
    }

    public Map<String, Integer> stepCounts() {
        return new TreeMap<>(steps);
    }

    /** Restores state saved by {@link #momentState} / {@link #stepCounts}; arrays are copied into {@code manager}. */
    public void restore(NDList moments, Map<String, Integer> counts, NDManager manager) {
        mean.clear();
        variance.clear();
        steps.clear();
        for (NDArray a : moments) {
            String name = a.getName();
            NDArray copy = manager.create(a.getShape(), a.getDataType());
            a.copyTo(copy);
            if (name.startsWith("m:")) {
                mean.put(name.substring(2), copy);
            } else if (name.startsWith("v:")) {
                variance.put(name.substring(2), copy);
            } else {
                throw new IllegalArgumentException("unknown optimizer state " + name);
            }
        }
        steps.putAll(counts);
    }

    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
