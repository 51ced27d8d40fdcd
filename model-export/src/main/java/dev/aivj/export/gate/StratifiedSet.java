package dev.aivj.export.gate;

import dev.aivj.training.coupling.CouplingExample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A pack's pairs bucketed A/B/C/D by their own score (A: the best quarter), and the regression sets drawn from them:
 * the fast set takes {@value #FAST_SHARE_PERCENT} % of each bucket with a fixed seed (the same pairs every run, run in
 * CI), the full set every pair.
 */
public final class StratifiedSet {
    public static final String[] BUCKETS = {"A", "B", "C", "D"};
    public static final int FAST_SHARE_PERCENT = 2;
    public static final long SEED = 20261205L;

    /** A pair of the set: its index in the pack and its bucket. */
    public record Member(int index, String bucket) {
    }

    private StratifiedSet() {
    }

    /** The bucket of every pair of the pack, by the quarter its score ranks in (ties by pack order). */
    public static String[] buckets(List<CouplingExample> pack) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < pack.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> pack.get(a).score() != pack.get(b).score()
                ? Float.compare(pack.get(b).score(), pack.get(a).score()) : Integer.compare(a, b));
        String[] out = new String[pack.size()];
        for (int p = 0; p < order.size(); p++) {
            out[order.get(p)] = BUCKETS[Math.min(3, p * 4 / pack.size())];
        }
        return out;
    }

    public static List<Member> fast(List<CouplingExample> pack) {
        return sample(pack, FAST_SHARE_PERCENT);
    }

    public static List<Member> full(List<CouplingExample> pack) {
        return sample(pack, 100);
    }

    private static List<Member> sample(List<CouplingExample> pack, int percent) {
        String[] bucket = buckets(pack);
        List<Member> out = new ArrayList<>();
        Random rnd = new Random(SEED);
        for (String b : BUCKETS) {
            List<Integer> in = new ArrayList<>();
            for (int i = 0; i < bucket.length; i++) {
                if (bucket[i].equals(b)) {
                    in.add(i);
                }
            }
            Collections.shuffle(in, rnd);
            int take = (int) Math.ceil(in.size() * percent / 100.0);
            in.subList(0, take).stream().sorted().forEach(i -> out.add(new Member(i, b)));
        }
        return out;
    }
}
