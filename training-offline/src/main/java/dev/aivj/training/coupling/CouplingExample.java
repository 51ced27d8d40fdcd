package dev.aivj.training.coupling;

/**
 * One scored pair with its two preset vectors (raw, not normalised).
 *
 * @param pair   pair number in its manifest
 * @param fg     upper (foreground) preset id
 * @param bg     lower (background) preset id
 * @param score  the pair's score, 0..5
 * @param rank   its rank in the pack (1 = best)
 * @param target the ranking target in 0..1: 1 − (rank − 1)/(pairs − 1), so the best pair is 1
 * @param elite  whether the pair is in the elite (golden) set
 * @param upper  the upper preset's vector
 * @param lower  the lower preset's vector
 */
public record CouplingExample(int pair, String fg, String bg, float score, int rank, float target, boolean elite,
        float[] upper, float[] lower) {
}
