package dev.aivj.engine.live;

/**
 * The music model's latest reading at a live stream time: its style, how sure it is (the style's probability), and
 * all probabilities; style "none" with {@code reason} (and no probabilities) when the step had too little signal.
 */
public record StyleReading(double seconds, String style, double confidence, float[] probabilities, String reason) {
    public boolean silent() {
        return reason != null;
    }
}
