package dev.aivj.engine.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.engine.recommend.Candidate;
import dev.aivj.engine.recommend.LibraryPair;
import dev.aivj.engine.recommend.MusicSection;
import dev.aivj.engine.recommend.PairChoice;
import dev.aivj.engine.recommend.PairFeatures;
import dev.aivj.engine.recommend.PairLibrary;
import dev.aivj.engine.recommend.PairRecommender;
import dev.aivj.engine.recommend.PickPolicy;
import dev.aivj.engine.recommend.PresetPreferences;
import dev.aivj.engine.recommend.RecommenderPick;
import dev.aivj.engine.recommend.TestLibraries;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PickPoliciesTest {
    private static final String[] LABELS = {"edm", "classical", "rock", "ambient", "chiptune"};
    private static final PairLibrary LIBRARY = TestLibraries.generated(200, 11);

    private static MusicSection section(double[] p) {
        return new MusicSection(0, 10, "start", "edm", p, new double[] {0.6, 0.5, 0.5, 0.5});
    }

    /** A viewer who rewards bright pairs in EDM: after their signals the learned arm shows a bright pair there. */
    @Test
    void learnedArmFollowsTheViewersSignals() {
        MusicSection edm = section(new double[] {1, 0, 0, 0, 0});
        List<Candidate> ranked = new PairRecommender(LIBRARY).rank(edm, LABELS, new ArrayDeque<>());
        List<Double> brightness = new ArrayList<>();
        for (Candidate c : ranked.subList(0, PreferenceReranker.CANDIDATES)) {
            brightness.add(c.pair().look()[1]);
        }
        brightness.sort(Comparator.reverseOrder());
        double secondBrightest = brightness.get(1);
        ViewerPreference p = ViewerPreference.fresh();
        assertTrue(pickedBrightness(p, edm) < secondBrightest, "the untaught pick is not already among the brightest");
        Random r = new Random(1);
        for (int i = 0; i < 60; i++) {
            Candidate c = ranked.get(r.nextInt(PreferenceReranker.CANDIDATES));
            double reward = Math.max(-1, Math.min(1, 4 * (c.pair().look()[1] - 0.5))); // brighter is better
            p = p.learn(PairFeatures.of(c.pair(), edm, LABELS), reward, 1);
        }
        assertTrue(pickedBrightness(p, edm) >= secondBrightest, "taught: " + pickedBrightness(p, edm) + " of "
                + brightness);
        // What the viewer sees as their preference names the feature they taught.
        assertTrue(p.strongest(3).stream().anyMatch(f -> f.feature().contains("brightness")), p.strongest(3).toString());
    }

    private static double pickedBrightness(ViewerPreference p, MusicSection s) {
        PairRecommender learned = new PairRecommender(LIBRARY, PresetPreferences.NONE, 0, new PreferenceReranker(p));
        PairChoice c = learned.choose(List.of(s), LABELS, 1).get(0);
        assertEquals(p.signals() == 0 ? RecommenderPick.NAME : PreferenceReranker.NAME, c.why().policy());
        assertTrue(c.why().rank() >= 1 && c.why().rank() <= PreferenceReranker.CANDIDATES);
        assertEquals(PairFeatures.DIMENSIONS, c.why().features().length);
        return c.pair().look()[1];
    }

    /** A viewer who taught nothing sees the recommender's own show: the same pairs, in the same order. */
    @Test
    void anUntaughtPreferencePicksAsTheRecommenderAlone() {
        List<MusicSection> sections = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sections.add(section(new double[] {0.2 * (i % 5), 0.2, 0.2, 0.2, 0.2}));
        }
        List<PairChoice> alone = new PairRecommender(LIBRARY).choose(sections, LABELS, 7);
        List<PairChoice> learned = new PairRecommender(LIBRARY, PresetPreferences.NONE,
                new PreferenceReranker(ViewerPreference.fresh())).choose(sections, LABELS, 7);
        for (int i = 0; i < sections.size(); i++) {
            assertEquals(alone.get(i).pair(), learned.get(i).pair(), "section " + i);
            assertEquals(alone.get(i).explored(), learned.get(i).explored());
            assertEquals(RecommenderPick.NAME, learned.get(i).why().policy(), "the recommender picked");
        }
        assertTrue(alone.stream().anyMatch(PairChoice::explored), "the recommender's exploration is kept");
        // A federated prior is knowledge: then the preference re-ranks from the first section on.
        double[] prior = new double[PairFeatures.DIMENSIONS];
        prior[1] = 1; // brighter
        List<PairChoice> withPrior = new PairRecommender(LIBRARY, PresetPreferences.NONE,
                new PreferenceReranker(ViewerPreference.fresh(prior, 1), 0)).choose(sections, LABELS, 7);
        assertTrue(withPrior.get(0).why().preference() != 0, withPrior.get(0).why().toString());
    }

    /** newliveweb's weights: picks follow (1 − explore)·q^γ + explore, whatever the music. */
    @Test
    void qualityWeightedPickDrawsByQuality() {
        LibraryPair good = pair(1.0);
        LibraryPair poor = pair(0.5);
        List<Candidate> ranked = List.of(new Candidate(0, poor, 1), new Candidate(1, good, 0.1));
        QualityWeightedPick policy = new QualityWeightedPick(2, 0.1);
        Random r = new Random(4);
        int goodPicks = 0;
        int n = 20000;
        for (int i = 0; i < n; i++) {
            if (policy.pick(ranked, section(null), null, r).candidate().index() == 1) {
                goodPicks++;
            }
        }
        double wGood = 0.9 + 0.1;
        double wPoor = 0.9 * 0.25 + 0.1;
        assertEquals(wGood / (wGood + wPoor), goodPicks / (double) n, 0.01);
    }

    private static LibraryPair pair(double quality) {
        return new LibraryPair("a", "b", "/a", "/b", quality, 2, 2, new double[] {0.5, 0.5, 0.5, 0.5});
    }
}
