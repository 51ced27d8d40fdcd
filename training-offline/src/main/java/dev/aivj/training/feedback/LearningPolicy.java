package dev.aivj.training.feedback;

import dev.aivj.engine.feedback.PreferenceReranker;
import dev.aivj.engine.feedback.ViewerPreference;
import dev.aivj.engine.recommend.Candidate;
import dev.aivj.engine.recommend.MusicSection;
import dev.aivj.engine.recommend.PickPolicy;
import java.util.List;
import java.util.Random;

/**
 * The learned arm for one viewer over a whole simulation: the engine's {@link PreferenceReranker} over the viewer's
 * {@link ViewerPreference} as it is now (the preference is immutable; {@link #learn} moves this holder to the updated
 * one, as the page replaces its stored state after each signal).
 */
final class LearningPolicy implements PickPolicy {
    private ViewerPreference preference = ViewerPreference.fresh();

    @Override
    public String name() {
        return PreferenceReranker.NAME;
    }

    @Override
    public Pick pick(List<Candidate> ranked, MusicSection section, String[] labels, Random rnd) {
        return new PreferenceReranker(preference).pick(ranked, section, labels, rnd);
    }

    void learn(double[] x, double reward, double weight) {
        preference = preference.learn(x, reward, weight);
    }
}
