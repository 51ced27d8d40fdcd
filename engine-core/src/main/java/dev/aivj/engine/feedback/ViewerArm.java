package dev.aivj.engine.feedback;

import dev.aivj.engine.recommend.PairRecommender;
import dev.aivj.engine.recommend.PickPolicy;
import dev.aivj.engine.recommend.RecommenderPick;

/**
 * The arms an installation can be in: {@value PreferenceReranker#NAME} (the viewer's learned preference re-ranks
 * the recommender's candidates), {@value QualityWeightedPick#NAME} (newliveweb's pick, the A/B test's control),
 * {@value RecommenderPick#NAME} (the recommender alone, no learning).
 *
 * <p>In an A/B test an installation's arm follows from its id alone, as the page assigns it
 * (web/feedback/installation.js, the same function): 32-bit FNV-1a over the id's UTF-16 code units, even →
 * learned, odd → weighted-random. Stable across visits without storing anything; each arm gets about half.
 */
public final class ViewerArm {
    /** Every arm a log may name. */
    public static final String[] ARMS = {PreferenceReranker.NAME, QualityWeightedPick.NAME, RecommenderPick.NAME};

    private ViewerArm() {
    }

    /** The A/B test's arm of the installation {@code id}. */
    public static String assign(String id) {
        int h = 0x811c9dc5;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x01000193;
        }
        return Integer.remainderUnsigned(h, 2) == 0 ? PreferenceReranker.NAME : QualityWeightedPick.NAME;
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
