package dev.aivj.training.coupling;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.aivj.engine.coupling.CouplingModelSpec;
import java.util.List;

/**
 * Runs a {@link CouplingNet} forward (no training) on pairs: one row {quality, w_s, w_t, S, T} per pair. Also
 * builds a net from exported parameters, so the exporter can compare DJL with engine-core.
 */
public final class CouplingPredictor implements AutoCloseable {
    private static final int BATCH = 256;

    private final Model model;
    private final CouplingNet net;
    private final VectorNormalizer norm;

    /** A net holding {@code parameters} (bundle tensor names, as {@link CouplingTrainer.Trained} has them). */
    public CouplingPredictor(CouplingTrainer.Trained trained) {
        this.model = Model.newInstance("aivj-coupling-eval", "PyTorch");
        this.net = new CouplingNet(trained.spec());
        this.norm = trained.normalizer();
        model.setBlock(net);
        CouplingModelSpec spec = trained.spec();
        Shape z = new Shape(1, spec.inputSize());
        Shape sp = new Shape(1, spec.spatialSlots().length);
        Shape tp = new Shape(1, spec.temporalSlots().length);
        net.initialize(model.getNDManager(), DataType.FLOAT32, z, z, sp, sp, tp, tp);
        for (String name : spec.tensorNames()) {
            if (!name.startsWith("norm.")) {
                net.parameter(name).getArray().set(trained.parameters().get(name));
            }
        }
    }

    public float[][] predict(List<CouplingExample> pairs) {
        return predict(net, model.getNDManager(), norm, pairs);
    }

    static float[][] predict(CouplingNet net, NDManager manager, VectorNormalizer norm, List<CouplingExample> pairs) {
        float[][] out = new float[pairs.size()][];
        try (NDManager m = manager.newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            for (int s = 0; s < pairs.size(); s += BATCH) {
                List<CouplingExample> batch = pairs.subList(s, Math.min(pairs.size(), s + BATCH));
                try (NDManager bm = m.newSubManager()) {
                    NDList y = net.forward(ps, CouplingInputs.of(bm, batch, norm, net.spec()), false);
                    float[][] cols = new float[5][];
                    for (int c = 0; c < 5; c++) {
                        cols[c] = y.get(c).toFloatArray();
                    }
                    for (int i = 0; i < batch.size(); i++) {
                        out[s + i] = new float[] {cols[0][i], cols[1][i], cols[2][i], cols[3][i], cols[4][i]};
                    }
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        model.close();
    }
}
