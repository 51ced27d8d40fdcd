package dev.aivj.engine.recommend;

import java.util.List;

/**
 * Why a pair was chosen for a section — what the page's "why this pair" view shows.
 *
 * @param policy      the pick policy ({@link PickPolicy#name()})
 * @param rank        the pair's place in the recommender's ranking of the section's candidates (1 = its best)
 * @param candidates  how many candidates the policy chose among
 * @param preference  the viewer's learned preference for the pair here (θ·x; 0 without learning)
 * @param exploration the exploration bonus it got (α·width; 0 without learning)
 * @param features    the pair's features in this section's context ({@link PairFeatures}: what a viewer's signal
 *                    about this pair teaches, whatever the policy)
 * @param because     the features that moved the learned preference most for this pick, strongest first
 */
public record PickReason(String policy, int rank, int candidates, double preference, double exploration,
        double[] features, List<FeatureContribution> because) {

    /** A pick made without the learned preference. */
    public static PickReason ranked(String policy, int rank, int candidates, double[] features) {
        return new PickReason(policy, rank, candidates, 0, 0, features, List.of());
    }
}
