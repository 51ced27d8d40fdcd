package dev.aivj.training.pairs;

import java.util.List;
import java.util.Objects;

/**
 * One foreground/background preset pair as imported from one of the team's data sets.
 *
 * @param pair      the team's pair number. Unique within the elite and deep-alchemy manifests; NOT unique in the
 *                  refinery, whose 5-digit pair numbers repeat across runs (there a pair is pair number + timestamp,
 *                  visible in the fg/bg file names)
 * @param fg        the foreground preset: a path or URL exactly as the source wrote it
 * @param bg        the background preset: a path or URL exactly as the source wrote it
 * @param score     the team's score (elite: 5.0 for elite, >= 4 positive, lower for negatives), or null if none
 * @param rank      the team's rank, or null if none
 * @param quality01 quality in [0, 1], or null if none
 * @param styleTags style tags in source order, never null
 * @param source    which data set the pair came from
 * @param origin    file and line of the row, for error reports
 */
public record PresetPair(int pair, String fg, String bg, Double score, Integer rank, Double quality01,
        List<String> styleTags, PairSource source, RowOrigin origin) {

    public PresetPair {
        if (pair < 0) {
            throw new IllegalArgumentException("pair number must be >= 0: " + pair);
        }
        requireText(fg, "fg");
        requireText(bg, "bg");
        if (score != null && !Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite: " + score);
        }
        if (quality01 != null && !(quality01 >= 0 && quality01 <= 1)) {
            throw new IllegalArgumentException("quality01 must be in [0, 1]: " + quality01);
        }
        styleTags = styleTags == null ? List.of() : List.copyOf(styleTags);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(origin, "origin");
    }

    private static void requireText(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " preset must be a non-blank path or URL");
        }
    }
}
