package dev.aivj.training.pairs.parquet;

import dev.aivj.training.pairs.PairSource;
import dev.aivj.training.pairs.PresetPair;
import dev.aivj.training.pairs.RowOrigin;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * SYNTHETIC pair rows for the Parquet store's tests and benchmark. NONE of this is the retraining team's data
 * (not available here) and it may never be presented as real: every preset name starts with {@code synthetic_},
 * every origin file with {@code synthetic/}, and every row is tagged {@code synthetic}.
 *
 * <p>The rows cover what the store must keep: all four sources; scores from 0 to 5 with exact bin boundaries
 * (0, 1, …, 5) and none at all; ranks with ties and none at all; quality present or not; 1–4 style tags (one
 * non-ASCII). Pair numbers are 0..n−1, unique, as the team's JSON format needs. Deterministic per seed.
 */
public final class SyntheticPairRows {
    private static final String[] TAGS = {"ambient", "edm", "rock", "chiptune", "classical", "dark", "glitch",
        "lent-é"};

    private SyntheticPairRows() {
    }

    public static List<PresetPair> rows(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<PresetPair> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            PairSource source = PairSource.values()[rnd.nextInt(PairSource.values().length)];
            String name = String.format("synthetic_%07d", i);
            Double score = source == PairSource.PACK || rnd.nextInt(20) == 0 ? null
                    : rnd.nextInt(10) == 0 ? (double) rnd.nextInt(6) : Math.round(rnd.nextDouble(0, 5) * 100) / 100.0;
            Integer rank = source == PairSource.PACK || rnd.nextInt(10) == 0 ? null : 1 + rnd.nextInt(Math.max(1, n));
            Double quality = source == PairSource.DEEP_ALCHEMY ? Double.valueOf(0.8)
                    : rnd.nextInt(3) == 0 ? null : rnd.nextDouble();
            List<String> tags = new ArrayList<>(List.of("synthetic"));
            for (int t = rnd.nextInt(4); t > 0; t--) {
                String tag = TAGS[rnd.nextInt(TAGS.length)];
                if (!tags.contains(tag)) {
                    tags.add(tag);
                }
            }
            String fg = "/presets/synthetic/fg/" + name + "_fg.milk";
            RowOrigin origin = switch (source) {
                case ELITE -> new RowOrigin("synthetic/AIVJ_FINAL_ELITE_MANIFEST.json", i + 2);
                case REFINERY -> new RowOrigin("synthetic/" + fg, 0);
                case DEEP_ALCHEMY -> new RowOrigin("synthetic/manifest.jsonl", i + 1);
                case PACK -> new RowOrigin("synthetic/pairs-manifest.json", 0);
            };
            out.add(new PresetPair(i, fg, "/presets/synthetic/bg/" + name + "_bg.milk", score, rank, quality, tags,
                    source, origin));
        }
        return out;
    }
}
