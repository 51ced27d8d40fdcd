package dev.aivj.training.coupling;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed train / validation / held-out split of pairs by a hash of the pair number (not by position), so the
 * split does not depend on the pack's order: {@value #VALIDATION_PERCENT} % validation, {@value #TEST_PERCENT} %
 * held out, the rest for training. Pairs share presets across the split (each preset takes part in about two
 * pairs); the held-out pairs are new combinations, not new presets.
 *
 * <p>Elite pairs always train: they are the golden set, a regression gate the model must keep passing (every elite
 * pair in the top quarter of its pack), not a sample of unseen pairs. Ranking quality on unseen pairs is measured on
 * the held-out regular pairs.
 */
public record PairSplit(List<CouplingExample> train, List<CouplingExample> validation, List<CouplingExample> test) {
    public static final int VALIDATION_PERCENT = 15;
    public static final int TEST_PERCENT = 15;

    public static PairSplit of(List<CouplingExample> pairs, long seed) {
        List<CouplingExample> train = new ArrayList<>();
        List<CouplingExample> val = new ArrayList<>();
        List<CouplingExample> test = new ArrayList<>();
        for (CouplingExample e : pairs) {
            if (e.elite()) {
                train.add(e);
                continue;
            }
            int bucket = Math.floorMod(mix(e.pair() * 0x9E3779B97F4A7C15L + seed), 100);
            (bucket < TEST_PERCENT ? test : bucket < TEST_PERCENT + VALIDATION_PERCENT ? val : train).add(e);
        }
        return new PairSplit(train, val, test);
    }

    /** SplitMix64's finaliser: spreads consecutive pair numbers evenly. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
