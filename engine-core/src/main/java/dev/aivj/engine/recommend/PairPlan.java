package dev.aivj.engine.recommend;

import dev.aivj.engine.analysis.AnalysisResult;
import dev.aivj.engine.analysis.SongStyle;
import java.util.List;

/**
 * The recommendation facade: a song's analysis (and its style, when a music model ran) → sections
 * ({@link SectionFinder}) → one library pair per section ({@link PairRecommender}).
 */
public final class PairPlan {
    /** The seed used when the caller gives none, so a song always gets the same show by default. */
    public static final long DEFAULT_SEED = 1;

    private PairPlan() {
    }

    public static List<PairChoice> of(AnalysisResult result, SongStyle style, PairLibrary library, long seed) {
        return of(result, style, library, PresetPreferences.NONE, seed);
    }

    /** As above, with the viewer's blocklist and favourites ({@link PresetPreferences}). */
    public static List<PairChoice> of(AnalysisResult result, SongStyle style, PairLibrary library,
            PresetPreferences preferences, long seed) {
        return of(result, style, library, preferences, PairRecommender.DEFAULT_POLICY, seed);
    }

    /** As above, the pairs picked by {@code policy} (the viewer's learned preference, or an A/B test's arm). */
    public static List<PairChoice> of(AnalysisResult result, SongStyle style, PairLibrary library,
            PresetPreferences preferences, PickPolicy policy, long seed) {
        List<MusicSection> sections = SectionFinder.find(result, style);
        return new PairRecommender(library, preferences, policy)
                .choose(sections, style == null ? null : style.labels(), seed);
    }
}
