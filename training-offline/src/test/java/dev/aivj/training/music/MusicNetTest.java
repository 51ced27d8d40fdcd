package dev.aivj.training.music;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.aivj.engine.model.MusicModelSpec;
import org.junit.jupiter.api.Test;

class MusicNetTest {
    @Test
    void shapesAndParameters() {
        MusicModelSpec spec = MusicModelSpec.defaults(new String[] {"a", "b", "c"});
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            MusicNet net = new MusicNet(spec);
            net.initialize(m, DataType.FLOAT32, new Shape(2, 37, 64));
            for (Pair<String, Parameter> p : net.getParameters()) {
                System.out.println(p.getKey() + " " + p.getValue().getArray().getShape() + " " + p.getValue().getType());
            }
            NDArray x = m.randomNormal(new Shape(2, 37, 64));
            NDList out = net.forward(new ParameterStore(m, false), new NDList(x), false);
            // 37 frames → input pool 2: 18 → pool 2: 9 → pool 2: 4 steps (floor at each pool, like the engine).
            assertEquals(4, net.steps(37));
            assertEquals(new Shape(2, 4, 3), out.get(0).getShape());
            assertEquals(new Shape(2, 4, 9), out.get(1).getShape());
        }
    }
}
