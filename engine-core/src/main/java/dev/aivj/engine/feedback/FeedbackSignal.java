package dev.aivj.engine.feedback;

/**
 * What a viewer did about the pair on screen, and what it teaches the preference: a reward in −1..1 and how much
 * one such signal weighs against an explicit rating (implicit signals are noisier: a skip may mean "seen enough",
 * staying may mean the viewer looked away). The numbers are a documented choice, not learned.
 *
 * <pre>
 * signal      reward               weight   when the page records it
 * rating      (stars − 3) / 2      1        the viewer rates the pair 1..5 (keys 1-5, the rating bar)
 * thumb       +1 up / −1 down      1        thumbs up or down
 * favourite   +1                   0.5      the pair is made a favourite
 * lock        +0.5                 0.5      the pair is locked on
 * back        +0.5                 0.5      the viewer went back to this pair
 * skip        −0.5                 0.5      the viewer skipped away from this pair
 * dwell       +0.2 × fraction      0.25     the pair played on to its section's end (the fraction it was on)
 * leave       −0.3                 0.25     the viewer closed the page with the pair on, before its section ended
 * </pre>
 */
public enum FeedbackSignal {
    RATING(1), THUMB(1), FAVOURITE(0.5), LOCK(0.5), BACK(0.5), SKIP(0.5), DWELL(0.25), LEAVE(0.25);

    private final double weight;

    FeedbackSignal(double weight) {
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }

    /**
     * The reward of this signal with its value (stars 1..5 for RATING, +1/−1 for THUMB, the fraction seen 0..1 for
     * DWELL; ignored by the others).
     *
     * @throws IllegalArgumentException for a value out of its range
     */
    public double reward(double value) {
        return switch (this) {
            case RATING -> {
                requireIn(value, 1, 5);
                yield (value - 3) / 2;
            }
            case THUMB -> {
                if (value != 1 && value != -1) {
                    throw new IllegalArgumentException("thumb must be 1 (up) or -1 (down), not " + value);
                }
                yield value;
            }
            case DWELL -> {
                requireIn(value, 0, 1);
                yield 0.2 * value;
            }
            case FAVOURITE -> 1;
            case LOCK, BACK -> 0.5;
            case SKIP -> -0.5;
            case LEAVE -> -0.3;
        };
    }

    /** The signal named {@code name} (lower case, as the page writes it). */
    public static FeedbackSignal named(String name) {
        for (FeedbackSignal s : values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown feedback signal " + name);
    }

    private void requireIn(double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(name().toLowerCase() + " must be within " + lo + ".." + hi + ", not "
                    + value);
        }
    }
}
