package dev.aivj.export.coupling;

import dev.aivj.engine.coupling.CouplingModel;
import dev.aivj.engine.coupling.CouplingScore;
import dev.aivj.training.coupling.CouplingExample;
import dev.aivj.training.coupling.CouplingPredictor;
import dev.aivj.training.coupling.CouplingTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The exported bundle against its source: DJL's forward pass of the checkpoint and engine-core's run of the bundle
 * on the same pairs of real preset vectors. The largest differences per output are the parity the card reports.
 */
public final class CouplingParity {
    /** Largest absolute differences over {@code pairs} pairs, per output: quality, w_s, w_t, S, T. */
    public record Result(int pairs, double[] maxDiff) {
        public double max() {
            double m = 0;
            for (double d : maxDiff) {
                m = Math.max(m, d);
            }
            return m;
        }
    }

    private CouplingParity() {
    }

    /** {@code count} seeded random (upper, lower) pairs drawn from {@code vectors}. */
    public static List<CouplingExample> randomPairs(Map<String, float[]> vectors, int count, long seed) {
        List<String> ids = new ArrayList<>(vectors.keySet());
        Random r = new Random(seed);
        List<CouplingExample> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String fg = ids.get(r.nextInt(ids.size()));
            String bg = ids.get(r.nextInt(ids.size()));
            out.add(new CouplingExample(i + 1, fg, bg, 0, 0, 0, false, vectors.get(fg), vectors.get(bg)));
        }
        return out;
    }

    public static Result measure(CouplingTrainer.Trained trained, CouplingModel engine, List<CouplingExample> pairs) {
        double[] max = new double[5];
        float[][] djl;
        try (CouplingPredictor p = new CouplingPredictor(trained)) {
            djl = p.predict(pairs);
        }
        for (int i = 0; i < pairs.size(); i++) {
            CouplingScore s = engine.score(pairs.get(i).upper(), pairs.get(i).lower());
            float[] java = {s.quality(), s.spatialWeight(), s.temporalWeight(), s.spatialSimilarity(),
                s.temporalSimilarity()};
            for (int k = 0; k < 5; k++) {
                max[k] = Math.max(max[k], Math.abs(djl[i][k] - java[k]));
            }
        }
        return new Result(pairs.size(), max);
    }
}
