package dev.aivj.training.coupling;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed train / validation / held-out split of pairs by a hash of the pair number (not by position), so the
 * split does not depend on the pack's order: {@value #VALIDATION_PERCENT} % validation, {@value #TEST_PERCENT} %
 * held out, the rest for training. Pairs share presets across the split (each preset takes part in about two
 * pairs); the held-out pairs are new combinations, not new presets.
 *
 * <p>Elite pairs are the golden set. {@code goldenGatePercent} of them (by the same hash) form the golden gate: never
 * trained on nor used for validation, so the release gate can measure the model on golden pairs it has not seen
 * (a golden pair that trains the model it tests proves nothing). The other elite pairs always train. Ranking quality
 * on unseen pairs is measured on the held-out regular pairs.
 */
public record PairSplit(List<CouplingExample> train, List<CouplingExample> validation, List<CouplingExample> test,
        List<CouplingExample> goldenGate) {
    public static final int VALIDATION_PERCENT = 15;
    public static final int TEST_PERCENT = 15;
    /** The golden gate's share of the elite pairs by default: 100 of the bootstrap's 500. */
    public static final int DEFAULT_GOLDEN_GATE_PERCENT = 20;

    /** The split with every elite pair training (no golden gate). */
    public static PairSplit of(List<CouplingExample> pairs, long seed) {
        return of(pairs, seed, 0);
    }

    public static PairSplit of(List<CouplingExample> pairs, long seed, int goldenGatePercent) {
        List<CouplingExample> train = new ArrayList<>();
        List<CouplingExample> val = new ArrayList<>();
        List<CouplingExample> test = new ArrayList<>();
        List<CouplingExample> gate = new ArrayList<>();
        for (CouplingExample e : pairs) {
            int bucket = Math.floorMod(mix(e.pair() * 0x9E3779B97F4A7C15L + seed), 100);
            if (e.elite()) {
                (bucket < goldenGatePercent ? gate : train).add(e);
                continue;
            }
            (bucket < TEST_PERCENT ? test : bucket < TEST_PERCENT + VALIDATION_PERCENT ? val : train).add(e);
        }
        return new PairSplit(train, val, test, gate);
    }

    /** SplitMix64's finaliser: spreads consecutive pair numbers evenly. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
