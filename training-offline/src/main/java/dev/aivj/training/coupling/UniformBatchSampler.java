package dev.aivj.training.coupling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Plain shuffled batches over all pairs (the ablation without elite-priority sampling). */
public final class UniformBatchSampler implements BatchSampler {
    private final List<Integer> all;
    private final int batchSize;
    private final long seed;

    public UniformBatchSampler(List<Integer> all, int batchSize, long seed) {
        this.all = List.copyOf(all);
        this.batchSize = batchSize;
        this.seed = seed;
    }

    @Override
    public List<List<Integer>> epoch(int epoch) {
        List<Integer> order = new ArrayList<>(all);
        Collections.shuffle(order, new Random(seed * 1_000_003L + epoch));
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < order.size(); i += batchSize) {
            out.add(order.subList(i, Math.min(order.size(), i + batchSize)));
        }
        return out;
    }
}
