package dev.aivj.engine.recommend;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * Picks one library pair per music section. Each pair is scored
 * <pre>score = style affinity × quality × fit × favourites,  fit = exp(−d(look, section target)²/(2·0.3²))</pre>
 * ({@link StyleAffinity}, the coupling model's quality, {@link LookSpace}, {@link PresetPreferences#factor}). A pair
 * with a blocked preset is never considered ({@link PresetPreferences#allows}). Pairs among the last
 * {@code noRepeat} picks are left out (when every pair is, the longest-ago one is allowed again). A
 * {@link PickPolicy} picks among the rest: by default the recommender's own ({@link RecommenderPick}: the best, or
 * with probability {@code exploration} one of the ten best); the viewer's learned preference or an A/B test's
 * control arm may pick instead. All randomness comes from one {@link Random} seeded by the caller: the same song,
 * library and seed give the same sequence.
 */
public final class PairRecommender {
    public static final int DEFAULT_NO_REPEAT = 8;
    public static final double DEFAULT_EXPLORATION = 0.15;
    public static final PickPolicy DEFAULT_POLICY = new RecommenderPick(DEFAULT_EXPLORATION);

    private final PairLibrary library;
    private final PresetPreferences preferences;
    private final PickPolicy policy;
    private final int window;

    /** @throws IllegalArgumentException when the preferences block every pair of the library */
    public PairRecommender(PairLibrary library, PresetPreferences preferences, int noRepeat, PickPolicy policy) {
        if (noRepeat < 0) {
            throw new IllegalArgumentException("noRepeat must be >= 0");
        }
        preferences.requireSomePairIn(library);
        this.library = library;
        this.preferences = preferences;
        this.policy = policy;
        // The no-repeat window counts allowed pairs only, so a long blocklist cannot leave a section without one.
        this.window = Math.min(noRepeat, preferences.allowedIn(library) - 1);
    }

    public PairRecommender(PairLibrary library, PresetPreferences preferences, int noRepeat, double exploration) {
        this(library, preferences, noRepeat, new RecommenderPick(exploration));
    }

    public PairRecommender(PairLibrary library, int noRepeat, double exploration) {
        this(library, PresetPreferences.NONE, noRepeat, exploration);
    }

    public PairRecommender(PairLibrary library, PresetPreferences preferences, PickPolicy policy) {
        this(library, preferences, DEFAULT_NO_REPEAT, policy);
    }

    public PairRecommender(PairLibrary library, PresetPreferences preferences) {
        this(library, preferences, DEFAULT_NO_REPEAT, DEFAULT_POLICY);
    }

    public PairRecommender(PairLibrary library) {
        this(library, PresetPreferences.NONE);
    }

    public List<PairChoice> choose(List<MusicSection> sections, String[] labels, long seed) {
        Random rnd = new Random(seed);
        Deque<Integer> recent = new ArrayDeque<>();
        List<PairChoice> out = new ArrayList<>();
        for (MusicSection s : sections) {
            out.add(next(s, labels, rnd, recent));
        }
        return out;
    }

    /**
     * The pair for one more section, after the picks in {@code recent} (library indices, oldest first; updated):
     * a whole song's sections in turn, or a live stream's as they begin.
     */
    public PairChoice next(MusicSection s, String[] labels, Random rnd, Deque<Integer> recent) {
        PickPolicy.Pick pick = policy.pick(rank(s, labels, recent), s, labels, rnd);
        Candidate c = pick.candidate();
        recent.addLast(c.index());
        while (recent.size() > window) {
            recent.removeFirst();
        }
        return new PairChoice(s, c.pair(), c.score(), pick.explored(), pick.why());
    }

    /** Allowed pairs by descending score (index order on ties). */
    public List<Candidate> rank(MusicSection s, String[] labels, Deque<Integer> recent) {
        List<Candidate> out = new ArrayList<>();
        List<LibraryPair> pairs = library.pairs();
        for (int i = 0; i < pairs.size(); i++) {
            LibraryPair p = pairs.get(i);
            if (!recent.contains(i) && preferences.allows(p)) {
                out.add(new Candidate(i, p, score(p, s, labels) * preferences.factor(p)));
            }
        }
        out.sort((a, b) -> b.score() != a.score() ? Double.compare(b.score(), a.score())
                : Integer.compare(a.index(), b.index()));
        return out;
    }

    public static double score(LibraryPair p, MusicSection s, String[] labels) {
        double affinity = StyleAffinity.of(p.look(), labels, s.probabilities());
        double fit = StyleAffinity.closeness(LookSpace.distance(p.look(), s.target()));
        return affinity * p.quality() * fit;
    }
}
