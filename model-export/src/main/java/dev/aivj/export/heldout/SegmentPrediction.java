package dev.aivj.export.heldout;

/**
 * A classifier's reading of one segment of a held-out track.
 *
 * @param fold the held-out package
 * @param track the track's audio path
 * @param truth the index of the track's style
 * @param probabilities one probability per style (sums to 1)
 */
public record SegmentPrediction(String fold, String track, int truth, double[] probabilities) {
    public int predicted() {
        int best = 0;
        for (int k = 1; k < probabilities.length; k++) {
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        return best;
    }
}
