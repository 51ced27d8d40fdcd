package dev.aivj.training.coupling;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.aivj.engine.coupling.CouplingModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The trainer's guard: a backward pass that leaves a non-finite gradient anywhere is recognised. */
class GradientGuardTest {
    private static boolean finiteAfterBackward(Function<NDList, NDArray> lossOf) {
        CouplingModelSpec spec = CouplingModelSpec.defaults(true, true);
        Random rnd = new Random(1);
        List<CouplingExample> batch = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            float[] u = new float[spec.inputSize()];
            float[] l = new float[spec.inputSize()];
            for (int j = 0; j < u.length; j++) {
                u[j] = (float) rnd.nextGaussian();
                l[j] = (float) rnd.nextGaussian();
            }
            batch.add(new CouplingExample(i, "u" + i, "l" + i, 3f, i + 1, 0.5f, false, u, l));
        }
        VectorNormalizer norm = VectorNormalizer.fit(batch.stream().map(CouplingExample::upper).toList());
        try (Model model = Model.newInstance("guard", "PyTorch")) {
            CouplingNet net = new CouplingNet(spec);
            model.setBlock(net);
            NDManager m = model.getNDManager();
            Shape z = new Shape(1, spec.inputSize());
            Shape sp = new Shape(1, spec.spatialSlots().length);
            Shape tp = new Shape(1, spec.temporalSlots().length);
            net.initialize(m, DataType.FLOAT32, z, z, sp, sp, tp, tp);
            net.getParameters().values().forEach(p -> p.getArray().setRequiresGradient(true));
            try (GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                NDList out = net.forward(new ParameterStore(m, false), CouplingInputs.of(m, batch, norm, spec), true);
                gc.backward(lossOf.apply(out));
            }
            return CouplingTrainer.gradientsFinite(net);
        }
    }

    @Test
    void anOrdinaryLossLeavesFiniteGradients() {
        assertTrue(finiteAfterBackward(out -> out.get(0).sum()));
    }

    @Test
    void aNanGradientIsCaught() {
        // d√x/dx at x = 0 is infinite, and infinite × 0 gives NaN all the way back to the encoders.
        assertFalse(finiteAfterBackward(out -> out.get(0).sub(out.get(0)).sqrt().sum()));
    }
}
