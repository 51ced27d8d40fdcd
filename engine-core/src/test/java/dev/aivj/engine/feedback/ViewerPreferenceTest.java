package dev.aivj.engine.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.engine.recommend.PairFeatures;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ViewerPreferenceTest {
    private static final int D = PairFeatures.DIMENSIONS;

    /** Rewards from a known linear taste: the learned θ points the same way, and the width shrinks. */
    @Test
    void learnsAKnownTasteAndGrowsSure() {
        Random r = new Random(3);
        double[] truth = new double[D];
        truth[1] = 0.8;  // brightness
        truth[9] = -0.6; // energy × colour
        ViewerPreference p = ViewerPreference.fresh();
        double[] probe = randomX(r);
        double widthBefore = p.width(probe);
        for (int i = 0; i < 400; i++) {
            double[] x = randomX(r);
            double reward = Math.max(-1, Math.min(1, ViewerPreference.dot(truth, x) + 0.1 * r.nextGaussian()));
            p = p.learn(x, reward, 1);
        }
        double[] theta = p.theta();
        assertEquals(0.8, theta[1], 0.1);
        assertEquals(-0.6, theta[9], 0.1);
        for (int j = 0; j < D; j++) {
            if (j != 1 && j != 9) {
                assertEquals(0, theta[j], 0.1, PairFeatures.name(j));
            }
        }
        assertTrue(p.width(probe) < widthBefore / 5, p.width(probe) + " vs " + widthBefore);
        assertEquals(400, p.signals());
        assertEquals("brightness", p.strongest(1).get(0).feature());
    }

    /** The Sherman–Morrison inverse matches the batch ridge solution. */
    @Test
    void incrementalInverseMatchesTheBatchSolution() {
        Random r = new Random(5);
        ViewerPreference p = ViewerPreference.fresh();
        double[][] xs = new double[30][];
        double[] rewards = new double[30];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = randomX(r);
            rewards[i] = 2 * r.nextDouble() - 1;
            p = p.learn(xs[i], rewards[i], 0.5);
        }
        // A·θ must equal b: (I + Σ 0.5·x·xᵀ)·θ = Σ 0.5·r·x (zero prior).
        double[] theta = p.theta();
        for (int i = 0; i < D; i++) {
            double lhs = theta[i];
            double rhs = 0;
            for (int k = 0; k < xs.length; k++) {
                lhs += 0.5 * xs[k][i] * ViewerPreference.dot(xs[k], theta);
                rhs += 0.5 * rewards[k] * xs[k][i];
            }
            assertEquals(rhs, lhs, 1e-9, "row " + i);
        }
    }

    @Test
    void jsonRoundTripsAndAPriorMovesTheStartingPoint() {
        Random r = new Random(7);
        ViewerPreference p = ViewerPreference.fresh();
        for (int i = 0; i < 20; i++) {
            p = p.learn(randomX(r), r.nextDouble(), 1);
        }
        ViewerPreference back = ViewerPreference.parse(p.toJson());
        double[] x = randomX(r);
        assertEquals(p.mean(x), back.mean(x), 1e-12);
        assertEquals(p.width(x), back.width(x), 1e-12);
        assertEquals(20, back.signals());

        double[] prior = new double[D];
        prior[0] = 0.5;
        ViewerPreference fresh = ViewerPreference.fresh(prior, 3);
        assertEquals(0.5, fresh.theta()[0], 1e-12);
        assertEquals(0, fresh.movedFromPrior()[0], 1e-12);
        ViewerPreference moved = p.withPrior(prior, 4);
        assertEquals(4, moved.priorVersion());
        assertTrue(moved.theta()[0] > p.theta()[0]);
    }

    @Test
    void refusesBadStateAndBadSignals() {
        assertThrows(IllegalArgumentException.class, () -> ViewerPreference.parse("{"));
        String json = ViewerPreference.fresh().toJson();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ViewerPreference.parse(json.replace("\"dimensions\":" + D, "\"dimensions\":5")));
        assertTrue(e.getMessage().startsWith("viewer preference: it has 5 features"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ViewerPreference.parse(json.replace("\"evidence\":[0,", "\"evidence\":[")));
        assertTrue(e.getMessage().contains("evidence must be an array of " + D), e.getMessage());
        ViewerPreference p = ViewerPreference.fresh();
        assertThrows(IllegalArgumentException.class, () -> p.learn(new double[3], 1, 1));
        assertThrows(IllegalArgumentException.class, () -> p.learn(new double[D], 2, 1));
        double[] nan = new double[D];
        nan[4] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> p.learn(nan, 1, 1));
    }

    @Test
    void signalsMapToDocumentedRewards() {
        assertEquals(1, FeedbackSignal.RATING.reward(5));
        assertEquals(-1, FeedbackSignal.RATING.reward(1));
        assertEquals(0, FeedbackSignal.RATING.reward(3));
        assertEquals(-1, FeedbackSignal.THUMB.reward(-1));
        assertEquals(-0.5, FeedbackSignal.SKIP.reward(0));
        assertEquals(0.1, FeedbackSignal.DWELL.reward(0.5), 1e-12);
        assertEquals(FeedbackSignal.LEAVE, FeedbackSignal.named("leave"));
        assertThrows(IllegalArgumentException.class, () -> FeedbackSignal.RATING.reward(6));
        assertThrows(IllegalArgumentException.class, () -> FeedbackSignal.THUMB.reward(0));
        assertThrows(IllegalArgumentException.class, () -> FeedbackSignal.named("stare"));
    }

    static double[] randomX(Random r) {
        double[] x = new double[D];
        for (int i = 0; i < D; i++) {
            x[i] = r.nextGaussian() * 0.5;
        }
        return x;
    }
}
