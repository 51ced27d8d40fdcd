package dev.aivj.engine.recommend;

import java.util.List;
import java.util.Random;

/**
 * The recommender's own pick, without learning: the best-scoring candidate, or with probability
 * {@code exploration} one drawn uniformly from the {@value #EXPLORE_TOP} best, so the show does not always settle on
 * the same few pairs.
 */
public record RecommenderPick(double exploration) implements PickPolicy {
    public static final String NAME = "recommender";
    public static final int EXPLORE_TOP = 10;

    public RecommenderPick {
        if (!(exploration >= 0 && exploration <= 1)) {
            throw new IllegalArgumentException("exploration must be within 0..1");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Pick pick(List<Candidate> ranked, MusicSection section, String[] labels, Random rnd) {
        boolean explore = rnd.nextDouble() < exploration && ranked.size() > 1;
        int top = Math.min(EXPLORE_TOP, ranked.size());
        int rank = explore ? rnd.nextInt(top) : 0;
        Candidate c = ranked.get(rank);
        return new Pick(c, explore, PickReason.ranked(NAME, rank + 1, explore ? top : ranked.size(),
                PairFeatures.of(c.pair(), section, labels)));
    }
}
