package dev.aivj.engine.recommend;

import java.util.List;
import java.util.Random;

/**
 * How one pair is picked from a section's candidates: the recommender's own pick ({@link RecommenderPick}), the
 * viewer's learned preference re-ranking them (feedback.PreferenceReranker), or newliveweb's quality-weighted
 * random pick (feedback.QualityWeightedPick) that A/B tests compare against.
 */
public interface PickPolicy {
    /** The policy's name, as plans, logs and A/B reports write it. */
    String name();

    /**
     * @param ranked the allowed candidates, best score first (never empty)
     * @param rnd    the show's one source of randomness
     */
    Pick pick(List<Candidate> ranked, MusicSection section, String[] labels, Random rnd);

    /** The pick, whether it was an exploration rather than the policy's best, and why. */
    record Pick(Candidate candidate, boolean explored, PickReason why) {
    }
}
