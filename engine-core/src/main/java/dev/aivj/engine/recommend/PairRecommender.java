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
 * {@code noRepeat} picks are left out (when every pair is, the longest-ago one is allowed again). With
 * probability {@code exploration} the pick is drawn uniformly from the {@value #EXPLORE_TOP} best instead of taking
 * the best, so the show does not always settle on the same few pairs. All randomness comes from one
 * {@link Random} seeded by the caller: the same song, library and seed give the same sequence.
 */
public final class PairRecommender {
    public static final int DEFAULT_NO_REPEAT = 8;
    public static final double DEFAULT_EXPLORATION = 0.15;
    public static final int EXPLORE_TOP = 10;

    private final PairLibrary library;
    private final PresetPreferences preferences;
    private final double exploration;
    private final int window;

    /** @throws IllegalArgumentException when the preferences block every pair of the library */
    public PairRecommender(PairLibrary library, PresetPreferences preferences, int noRepeat, double exploration) {
        if (noRepeat < 0 || !(exploration >= 0 && exploration <= 1)) {
            throw new IllegalArgumentException("noRepeat must be >= 0 and exploration in 0..1");
        }
        preferences.requireSomePairIn(library);
        this.library = library;
        this.preferences = preferences;
        this.exploration = exploration;
        // The no-repeat window counts allowed pairs only, so a long blocklist cannot leave a section without one.
        this.window = Math.min(noRepeat, preferences.allowedIn(library) - 1);
    }

    public PairRecommender(PairLibrary library, int noRepeat, double exploration) {
        this(library, PresetPreferences.NONE, noRepeat, exploration);
    }

    public PairRecommender(PairLibrary library, PresetPreferences preferences) {
        this(library, preferences, DEFAULT_NO_REPEAT, DEFAULT_EXPLORATION);
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
        List<double[]> ranked = rank(s, labels, recent); // {index, score}
        boolean explore = rnd.nextDouble() < exploration && ranked.size() > 1;
        double[] pick = explore ? ranked.get(rnd.nextInt(Math.min(EXPLORE_TOP, ranked.size()))) : ranked.get(0);
        int index = (int) pick[0];
        recent.addLast(index);
        while (recent.size() > window) {
            recent.removeFirst();
        }
        return new PairChoice(s, library.pairs().get(index), pick[1], explore);
    }

    /** Allowed pairs by descending score (index order on ties). */
    private List<double[]> rank(MusicSection s, String[] labels, Deque<Integer> recent) {
        List<double[]> out = new ArrayList<>();
        List<LibraryPair> pairs = library.pairs();
        for (int i = 0; i < pairs.size(); i++) {
            LibraryPair p = pairs.get(i);
            if (!recent.contains(i) && preferences.allows(p)) {
                out.add(new double[] {i, score(p, s, labels) * preferences.factor(p)});
            }
        }
        out.sort((a, b) -> b[1] != a[1] ? Double.compare(b[1], a[1]) : Double.compare(a[0], b[0]));
        return out;
    }

    public static double score(LibraryPair p, MusicSection s, String[] labels) {
        double affinity = StyleAffinity.of(p.look(), labels, s.probabilities());
        double fit = StyleAffinity.closeness(LookSpace.distance(p.look(), s.target()));
        return affinity * p.quality() * fit;
    }
}
