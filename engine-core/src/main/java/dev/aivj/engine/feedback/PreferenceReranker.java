package dev.aivj.engine.feedback;

import dev.aivj.engine.recommend.Candidate;
import dev.aivj.engine.recommend.MusicSection;
import dev.aivj.engine.recommend.PairFeatures;
import dev.aivj.engine.recommend.PairRecommender;
import dev.aivj.engine.recommend.PickPolicy;
import dev.aivj.engine.recommend.PickReason;
import dev.aivj.engine.recommend.RecommenderPick;
import java.util.List;
import java.util.Random;

/**
 * The learned arm: the recommender's {@value #CANDIDATES} best candidates for a section, re-ranked by the viewer's
 * preference (LinUCB, optimism in the face of uncertainty):
 * <pre>value = ln(score / best score) + θ·x + α·√(xᵀA⁻¹x)</pre>
 * The first term keeps the recommender's judgement (music fit, coupling quality) as the prior: a candidate with half
 * the best score needs a learned preference 0.69 higher to win. The last is the exploration: α = {@value #ALPHA}
 * by default (0 = pure exploitation), a bonus that shrinks as the viewer's signals about similar pairs come in.
 * Deterministic: no random draw, so the same preference and song give the same show. A preference that knows
 * nothing yet (no signal, no federated prior) lets the recommender pick alone ({@link RecommenderPick}, its random
 * exploration included, its name in the pick's reason): a viewer who has taught nothing sees the plan the CLI makes.
 */
public record PreferenceReranker(ViewerPreference preference, double alpha) implements PickPolicy {
    public static final String NAME = "learned";
    public static final int CANDIDATES = 10;
    public static final double ALPHA = 0.3;
    private static final PickPolicy UNTAUGHT = PairRecommender.DEFAULT_POLICY;

    public PreferenceReranker {
        if (preference == null || !(alpha >= 0)) {
            throw new IllegalArgumentException("a preference and an exploration rate alpha >= 0 are needed");
        }
    }

    public PreferenceReranker(ViewerPreference preference) {
        this(preference, ALPHA);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Pick pick(List<Candidate> ranked, MusicSection section, String[] labels, Random rnd) {
        if (preference.knowsNothing()) {
            return UNTAUGHT.pick(ranked, section, labels, rnd); // and says so: its reason names the recommender
        }
        int n = Math.min(CANDIDATES, ranked.size());
        double best = ranked.get(0).score();
        int chosen = 0;
        int bestExpected = 0;
        double[][] x = new double[n][];
        double[] mean = new double[n];
        double[] bonus = new double[n];
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = PairFeatures.of(ranked.get(i).pair(), section, labels);
            mean[i] = preference.mean(x[i]);
            bonus[i] = alpha * preference.width(x[i]);
            expected[i] = prior(ranked.get(i).score(), best, i) + mean[i];
            if (expected[i] + bonus[i] > expected[chosen] + bonus[chosen]) {
                chosen = i;
            }
            if (expected[i] > expected[bestExpected]) {
                bestExpected = i;
            }
        }
        PickReason why = new PickReason(NAME, chosen + 1, n, mean[chosen], bonus[chosen], x[chosen],
                PairFeatures.strongest(preference.theta(), x[chosen], 3));
        // An exploration pick: the bonus, not the expected value, put it ahead.
        return new Pick(ranked.get(chosen), chosen != bestExpected, why);
    }

    /** ln(score / best): 0 for the recommender's best, below 0 for the others. */
    private static double prior(double score, double best, int rank) {
        if (best > 0 && score > 0) {
            return Math.log(score / best);
        }
        return rank == 0 ? 0 : -10;
    }
}
