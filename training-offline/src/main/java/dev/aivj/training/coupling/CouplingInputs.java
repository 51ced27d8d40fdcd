package dev.aivj.training.coupling;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.aivj.engine.coupling.CouplingModelSpec;
import java.util.List;

/** Turns a batch of pairs into {@link CouplingNet}'s six input arrays (normalised vectors and their slot groups). */
public final class CouplingInputs {
    private CouplingInputs() {
    }

    public static NDList of(NDManager m, List<CouplingExample> batch, VectorNormalizer norm, CouplingModelSpec spec) {
        int b = batch.size();
        int n = spec.inputSize();
        int[] sp = spec.spatialSlots();
        int[] tp = spec.temporalSlots();
        float[] zu = new float[b * n];
        float[] zl = new float[b * n];
        float[] su = new float[b * sp.length];
        float[] sl = new float[b * sp.length];
        float[] tu = new float[b * tp.length];
        float[] tl = new float[b * tp.length];
        for (int i = 0; i < b; i++) {
            float[] u = norm.apply(batch.get(i).upper());
            float[] l = norm.apply(batch.get(i).lower());
            System.arraycopy(u, 0, zu, i * n, n);
            System.arraycopy(l, 0, zl, i * n, n);
            gather(u, sp, su, i);
            gather(l, sp, sl, i);
            gather(u, tp, tu, i);
            gather(l, tp, tl, i);
        }
        return new NDList(m.create(zu, new Shape(b, n)), m.create(zl, new Shape(b, n)),
                m.create(su, new Shape(b, sp.length)), m.create(sl, new Shape(b, sp.length)),
                m.create(tu, new Shape(b, tp.length)), m.create(tl, new Shape(b, tp.length)));
    }

    private static void gather(float[] z, int[] slots, float[] out, int row) {
        for (int j = 0; j < slots.length; j++) {
            out[row * slots.length + j] = z[slots[j]];
        }
    }
}
