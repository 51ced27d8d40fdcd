package dev.aivj.training.feedback;

import dev.aivj.engine.feedback.FeedbackSignal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What a SIMULATED viewer does about the pair on screen, given its true utility u (−1..1); the probabilities are
 * a documented guess at how people use the page, not measured:
 * <pre>
 * rating     with p 0.6: round(3 + 2u + N(0, 0.7)) clamped to 1..5
 * thumb      u > 0.5: up with p 0.15;  u < −0.5: down with p 0.15
 * skip       u < −0.25: with p 0.5 (then on screen U(3, 10) s instead of the section)
 * dwell      not skipped: the section's end was reached, fraction 1
 * lock       u > 0.55: with p 0.2
 * favourite  u > 0.7: with p 0.15
 * leave      u < −0.5: with p 0.15, and the session ends
 * </pre>
 */
public final class ViewerReaction {
    static final double RATING_NOISE = 0.7;

    /** One signal: which, and its value (stars, thumb ±1, dwell fraction; 0 for the others). */
    public record Signal(FeedbackSignal signal, double value) {
    }

    /** The viewer's signals about one pair, how long it was on screen, and whether the viewer left. */
    public record Reaction(List<Signal> signals, double secondsOnScreen, boolean left) {
    }

    private ViewerReaction() {
    }

    public static Reaction to(double u, double sectionSeconds, Random rnd) {
        List<Signal> out = new ArrayList<>();
        if (rnd.nextDouble() < 0.6) {
            double stars = Math.round(3 + 2 * u + RATING_NOISE * rnd.nextGaussian());
            out.add(new Signal(FeedbackSignal.RATING, Math.max(1, Math.min(5, stars))));
        }
        if (u > 0.5 && rnd.nextDouble() < 0.15) {
            out.add(new Signal(FeedbackSignal.THUMB, 1));
        } else if (u < -0.5 && rnd.nextDouble() < 0.15) {
            out.add(new Signal(FeedbackSignal.THUMB, -1));
        }
        boolean skipped = u < -0.25 && rnd.nextDouble() < 0.5;
        double seconds = sectionSeconds;
        if (skipped) {
            out.add(new Signal(FeedbackSignal.SKIP, 0));
            seconds = 3 + 7 * rnd.nextDouble();
        } else {
            out.add(new Signal(FeedbackSignal.DWELL, 1));
        }
        if (u > 0.55 && rnd.nextDouble() < 0.2) {
            out.add(new Signal(FeedbackSignal.LOCK, 0));
        }
        if (u > 0.7 && rnd.nextDouble() < 0.15) {
            out.add(new Signal(FeedbackSignal.FAVOURITE, 0));
        }
        boolean left = u < -0.5 && rnd.nextDouble() < 0.15;
        if (left) {
            out.add(new Signal(FeedbackSignal.LEAVE, 0));
        }
        return new Reaction(out, seconds, left);
    }
}
