package dev.aivj.engine.live;

import dev.aivj.engine.AnalysisSettings;
import dev.aivj.engine.analysis.SongStyle;
import dev.aivj.engine.mix.LayerMix;
import dev.aivj.engine.recommend.MusicSection;
import dev.aivj.engine.recommend.PairChoice;
import dev.aivj.engine.recommend.PairLibrary;
import dev.aivj.engine.recommend.PairRecommender;
import dev.aivj.engine.recommend.PickPolicy;
import dev.aivj.engine.recommend.PresetPreferences;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * The show for live audio, where no whole-song plan can exist: each push of mono PCM at the analysis rate goes
 * through the live front end and model ({@link LiveAnalyzer}), then the tempo and beats of the last
 * {@value #WINDOW_SECONDS} s ({@link LiveTempo}), the section the music is in ({@link LiveSections}) and, when a
 * section starts, a pair for it from the library by the whole song's recommender (same scores, no-repeat memory and
 * seeded exploration), cut on the next beat.
 */
public final class LiveShow {
    /** The seconds of features kept for tempo, beats and section changes. */
    public static final double WINDOW_SECONDS = 12.0;
    /** How readily sections change by default: the whole song's 8-dB band-level change. */
    public static final double DEFAULT_SENSITIVITY = 0.5;
    /** The model readings kept (and reported) as the style's recent history. */
    public static final int HISTORY = 24;

    private final LiveAnalyzer analyzer;
    private final String[] labels;
    private final FrameWindow window = new FrameWindow((int) Math.round(WINDOW_SECONDS * AnalysisSettings.frameRate()));
    private final LiveTempo tempo = new LiveTempo();
    private final LiveSections sections;
    private PairRecommender recommender;
    private final Random rnd;
    private final Deque<Integer> recent = new ArrayDeque<>();
    private final Deque<StyleReading> readings = new ArrayDeque<>();

    /**
     * @param library the pair library, or null (sections without pairs)
     * @param sensitivity 0..1, how readily sections change ({@link LiveSections})
     */
    public LiveShow(LiveAnalyzer analyzer, PairLibrary library, long seed, double sensitivity) {
        this(analyzer, library, PresetPreferences.NONE, seed, sensitivity);
    }

    /** As above, the pairs chosen with the viewer's blocklist and favourites ({@link PresetPreferences}). */
    public LiveShow(LiveAnalyzer analyzer, PairLibrary library, PresetPreferences preferences, long seed,
            double sensitivity) {
        this(analyzer, library, preferences, PairRecommender.DEFAULT_POLICY, seed, sensitivity);
    }

    /** As above, the pairs picked by {@code policy} (the viewer's learned preference, or an A/B test's arm). */
    public LiveShow(LiveAnalyzer analyzer, PairLibrary library, PresetPreferences preferences, PickPolicy policy,
            long seed, double sensitivity) {
        this.analyzer = analyzer;
        this.labels = analyzer.labels();
        this.sections = new LiveSections(sensitivity, labels);
        this.recommender = recommenderOf(library, preferences, policy);
        this.rnd = new Random(seed);
    }

    /**
     * Later sections take their pairs from {@code library} with {@code preferences} and {@code policy}: the viewer
     * blocked or favoured a preset, brought one, or taught their preference while the show runs. The no-repeat
     * memory stays (a grown library keeps its indices).
     */
    public void usePairs(PairLibrary library, PresetPreferences preferences, PickPolicy policy) {
        recommender = recommenderOf(library, preferences, policy);
    }

    private static PairRecommender recommenderOf(PairLibrary library, PresetPreferences preferences,
            PickPolicy policy) {
        return library == null || library.size() == 0 ? null : new PairRecommender(library, preferences, policy);
    }

    public String[] labels() {
        return labels.clone();
    }

    /** Analyses {@code pcm} (mono, {@link AnalysisSettings#SAMPLE_RATE} Hz) and moves the show on. */
    public LiveShowUpdate push(float[] pcm) {
        LiveUpdate u = analyzer.push(pcm);
        double seconds = analyzer.frames() / AnalysisSettings.frameRate();
        window.append(u.features());
        if (u.newSteps() > 0) {
            addReading(u, seconds);
        }
        var features = window.features();
        tempo.update(features, window.firstFrame());
        MusicSection started = sections.update(seconds, features, List.copyOf(readings));
        PairChoice pair = null;
        LayerMix mix = null;
        double cutAt = Double.NaN;
        if (started != null && recommender != null) {
            pair = recommender.next(started, labels, rnd, recent);
            mix = LayerMix.of(pair.pair().ws(), pair.pair().wt());
            double beat = tempo.nextBeat(seconds);
            cutAt = Double.isNaN(beat) ? seconds : beat;
        }
        return new LiveShowUpdate(u, seconds, List.copyOf(readings), tempo.tempo(), tempo.lastBeat(),
                tempo.nextBeat(seconds), sections.current(), started != null, pair, mix, cutAt);
    }

    private void addReading(LiveUpdate u, double seconds) {
        StyleReading r;
        if (u.reason() != null || u.style() == null) {
            r = new StyleReading(seconds, SongStyle.NONE, 0, null, u.reason() == null ? "no reading" : u.reason());
        } else {
            r = StyleReading.of(seconds, labels, u.style());
        }
        readings.addLast(r);
        while (readings.size() > HISTORY) {
            readings.removeFirst();
        }
    }
}
