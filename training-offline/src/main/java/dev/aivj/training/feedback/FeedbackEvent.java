package dev.aivj.training.feedback;

/**
 * One line of a feedback log ({@value #FORMAT}, JSON Lines, as the page exports it):
 * {@code {"format", "installation", "arm", "session", "t" (ms), "event", "value", "reward" (null for "shown"),
 * "pair" ("fg|bg"), "style" (or null), "energy" (0..1), "features" (the pair's 63 PairFeatures), "modelVersion",
 * "simulated" (only in simulated logs)}}.
 */
public record FeedbackEvent(String installation, String arm, String session, long t, String event, double value,
        Double reward, String pair, String style, double energy, double[] features, String modelVersion,
        boolean simulated) {
    public static final String FORMAT = "aivj-feedback-log-v1";
    public static final String SHOWN = "shown";
    public static final String RATING = "rating";
}
