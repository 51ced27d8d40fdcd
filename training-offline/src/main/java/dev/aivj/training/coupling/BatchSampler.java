package dev.aivj.training.coupling;

import java.util.List;

/** Splits one epoch of training pairs (by index) into batches; deterministic for a seed and epoch. */
public interface BatchSampler {
    List<List<Integer>> epoch(int epoch);
}
