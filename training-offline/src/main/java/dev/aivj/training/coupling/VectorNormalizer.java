package dev.aivj.training.coupling;

import dev.aivj.engine.coupling.CouplingModelSpec;
import java.util.Collection;

/**
 * Per-slot z-score of preset vectors, clipped to ±{@link CouplingModelSpec#CLIP} exactly as engine-core's
 * CouplingModel does: z = clip((x − mean) / std). A slot that never varies gets std 1 (it carries no signal).
 */
public record VectorNormalizer(float[] mean, float[] std) {
    public static VectorNormalizer fit(Collection<float[]> vectors) {
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("no vectors to fit the normaliser on");
        }
        int n = vectors.iterator().next().length;
        double[] sum = new double[n];
        double[] sq = new double[n];
        for (float[] v : vectors) {
            for (int i = 0; i < n; i++) {
                sum[i] += v[i];
                sq[i] += (double) v[i] * v[i];
            }
        }
        float[] mean = new float[n];
        float[] std = new float[n];
        for (int i = 0; i < n; i++) {
            double m = sum[i] / vectors.size();
            double var = Math.max(0, sq[i] / vectors.size() - m * m);
            mean[i] = (float) m;
            std[i] = var > 1e-12 ? (float) Math.sqrt(var) : 1f;
        }
        return new VectorNormalizer(mean, std);
    }

    public float[] apply(float[] x) {
        float[] z = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = Math.max(-CouplingModelSpec.CLIP, Math.min(CouplingModelSpec.CLIP, (x[i] - mean[i]) / std[i]));
        }
        return z;
    }
}
