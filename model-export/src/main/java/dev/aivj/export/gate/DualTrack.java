package dev.aivj.export.gate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The old and the new track's outputs on the same pairs, side by side: a pair passes when the new quality is within
 * {@value #QUALITY_TOLERANCE} and each coupling weight within {@value #WEIGHT_TOLERANCE} of the old, relative.
 */
public final class DualTrack {
    public static final double QUALITY_TOLERANCE = 0.05;
    public static final double WEIGHT_TOLERANCE = 0.005;

    /** One pair on both tracks. */
    public record PairResult(int index, String bucket, double[] old, double[] now, boolean passes) {
    }

    /** Pass counts per bucket, in bucket order. */
    public record Buckets(Map<String, int[]> passedOfTotal) {
        public String line() {
            StringBuilder b = new StringBuilder();
            passedOfTotal.forEach((k, v) -> b.append(String.format(java.util.Locale.ROOT, "%s %d/%d (%.1f %%)  ", k,
                    v[0], v[1], v[1] == 0 ? 0 : 100.0 * v[0] / v[1])));
            return b.toString().trim();
        }

        public boolean allPass() {
            return passedOfTotal.values().stream().allMatch(v -> v[0] == v[1]);
        }
    }

    private DualTrack() {
    }

    /** @param old and now: {quality, w_s, w_t} per pack index */
    public static List<PairResult> compare(List<StratifiedSet.Member> set, double[][] old, double[][] now) {
        return set.stream().map(m -> {
            double[] o = old[m.index()];
            double[] n = now[m.index()];
            boolean ok = relative(o[0], n[0]) < QUALITY_TOLERANCE && relative(o[1], n[1]) < WEIGHT_TOLERANCE
                    && relative(o[2], n[2]) < WEIGHT_TOLERANCE;
            return new PairResult(m.index(), m.bucket(), o, n, ok);
        }).toList();
    }

    public static Buckets buckets(List<PairResult> results) {
        Map<String, int[]> out = new LinkedHashMap<>();
        for (String b : StratifiedSet.BUCKETS) {
            out.put(b, new int[2]);
        }
        for (PairResult r : results) {
            int[] c = out.get(r.bucket());
            c[0] += r.passes() ? 1 : 0;
            c[1]++;
        }
        return new Buckets(out);
    }

    /** The outputs of a pack's scores as {quality, w_s, w_t} per pair. */
    public static double[][] outputs(PackScores s) {
        double[][] out = new double[s.quality().length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new double[] {s.quality()[i], s.ws()[i], s.wt()[i]};
        }
        return out;
    }

    static double relative(double old, double now) {
        double scale = Math.max(Math.abs(old), 1e-9);
        return Math.abs(now - old) / scale;
    }
}
