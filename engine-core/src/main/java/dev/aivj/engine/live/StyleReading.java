package dev.aivj.engine.live;

/**
 * The music model's latest reading at a live stream time: its style, how sure it is (the style's probability), and
 * all probabilities; style "none" with {@code reason} (and no probabilities) when the step had too little signal.
 */
public record StyleReading(double seconds, String style, double confidence, float[] probabilities, String reason) {
    public boolean silent() {
        return reason != null;
    }

    /** The reading of style probabilities (the model's label order): their most probable label (first on a tie). */
    public static StyleReading of(double seconds, String[] labels, float[] probabilities) {
        int best = 0;
        for (int k = 1; k < probabilities.length; k++) {
            best = probabilities[k] > probabilities[best] ? k : best;
        }
        return new StyleReading(seconds, labels[best], probabilities[best], probabilities, null);
    }
}
