package dev.aivj.export.gate;

import dev.aivj.engine.coupling.CouplingModel;
import dev.aivj.training.coupling.CouplingExample;
import java.util.Arrays;
import java.util.List;

/** One model's outputs on every pair of a pack, and each pair's position when the pack is ranked by quality. */
public record PackScores(double[] quality, double[] ws, double[] wt, int[] position) {
    public static PackScores of(CouplingModel model, List<CouplingExample> pack) {
        int n = pack.size();
        double[] q = new double[n];
        double[] ws = new double[n];
        double[] wt = new double[n];
        for (int i = 0; i < n; i++) {
            var s = model.score(pack.get(i).upper(), pack.get(i).lower());
            q[i] = s.quality();
            ws[i] = s.spatialWeight();
            wt[i] = s.temporalWeight();
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> q[a] != q[b] ? Double.compare(q[b], q[a]) : Integer.compare(a, b));
        int[] position = new int[n];
        for (int p = 0; p < n; p++) {
            position[order[p]] = p;
        }
        return new PackScores(q, ws, wt, position);
    }
}
