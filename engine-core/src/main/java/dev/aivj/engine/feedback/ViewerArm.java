package dev.aivj.engine.feedback;

import dev.aivj.engine.recommend.PairRecommender;
import dev.aivj.engine.recommend.PickPolicy;
import dev.aivj.engine.recommend.RecommenderPick;

/**
 * The arms an installation can be in: {@value PreferenceReranker#NAME} (the viewer's learned preference re-ranks
 * the recommender's candidates), {@value QualityWeightedPick#NAME} (newliveweb's pick, the A/B test's control),
 * {@value RecommenderPick#NAME} (the recommender alone, no learning).
 */
public final class ViewerArm {
    private ViewerArm() {
    }

    /** The pick policy of {@code arm} with the viewer's preference. */
    public static PickPolicy policy(String arm, ViewerPreference preference) {
        return switch (arm) {
            case PreferenceReranker.NAME -> new PreferenceReranker(preference);
            case QualityWeightedPick.NAME -> new QualityWeightedPick();
            case RecommenderPick.NAME -> PairRecommender.DEFAULT_POLICY;
            default -> throw new IllegalArgumentException("unknown arm " + arm + " (learned, weighted-random or "
                    + "recommender)");
        };
    }
}
