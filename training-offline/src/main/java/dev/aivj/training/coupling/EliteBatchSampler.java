package dev.aivj.training.coupling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Elite-priority sampling: every batch holds exactly {@code elitePerBatch} elite pairs and
 * {@code regularPerBatch} regular ones (4 + 32 by default). An epoch has enough batches to show every elite pair
 * and every regular pair at least once: each pool is walked in a shuffled order and reshuffled when it runs out,
 * so the smaller pool repeats rather than a batch going short.
 */
public final class EliteBatchSampler implements BatchSampler {
    public static final int ELITE_PER_BATCH = 4;
    public static final int REGULAR_PER_BATCH = 32;

    private final List<Integer> elite;
    private final List<Integer> regular;
    private final int elitePerBatch;
    private final int regularPerBatch;
    private final long seed;

    public EliteBatchSampler(List<Integer> elite, List<Integer> regular, int elitePerBatch, int regularPerBatch,
            long seed) {
        if (elite.size() < elitePerBatch || regular.size() < regularPerBatch) {
            throw new IllegalArgumentException("elite-priority batches need at least " + elitePerBatch
                    + " elite and " + regularPerBatch + " regular pairs, have " + elite.size() + " and "
                    + regular.size());
        }
        this.elite = List.copyOf(elite);
        this.regular = List.copyOf(regular);
        this.elitePerBatch = elitePerBatch;
        this.regularPerBatch = regularPerBatch;
        this.seed = seed;
    }

    public EliteBatchSampler(List<Integer> elite, List<Integer> regular, long seed) {
        this(elite, regular, ELITE_PER_BATCH, REGULAR_PER_BATCH, seed);
    }

    @Override
    public List<List<Integer>> epoch(int epoch) {
        Random rnd = new Random(seed * 1_000_003L + epoch);
        int batches = Math.max(ceil(elite.size(), elitePerBatch), ceil(regular.size(), regularPerBatch));
        Cycle e = new Cycle(elite, rnd);
        Cycle r = new Cycle(regular, rnd);
        List<List<Integer>> out = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            List<Integer> batch = new ArrayList<>(elitePerBatch + regularPerBatch);
            for (int i = 0; i < elitePerBatch; i++) {
                batch.add(e.next());
            }
            for (int i = 0; i < regularPerBatch; i++) {
                batch.add(r.next());
            }
            out.add(batch);
        }
        return out;
    }

    private static int ceil(int a, int b) {
        return (a + b - 1) / b;
    }

    /** A pool walked in shuffled order, reshuffled on each pass. */
    private static final class Cycle {
        private final List<Integer> order;
        private final Random rnd;
        private int next;

        Cycle(List<Integer> pool, Random rnd) {
            this.order = new ArrayList<>(pool);
            this.rnd = rnd;
            Collections.shuffle(order, rnd);
        }

        int next() {
            if (next == order.size()) {
                Collections.shuffle(order, rnd);
                next = 0;
            }
            return order.get(next++);
        }
    }
}
