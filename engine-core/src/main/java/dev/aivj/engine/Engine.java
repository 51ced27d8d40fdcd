package dev.aivj.engine;

import dev.aivj.engine.analysis.AnalysisResult;
import dev.aivj.engine.analysis.SongStyle;
import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.live.LiveAnalyzer;
import dev.aivj.engine.live.LiveShow;
import dev.aivj.engine.mix.LayerMix;
import dev.aivj.engine.model.MusicModel;
import dev.aivj.engine.plan.SongPlan;
import dev.aivj.engine.recommend.PairChoice;
import dev.aivj.engine.recommend.PairLibrary;
import dev.aivj.engine.recommend.PairPlan;
import dev.aivj.engine.recommend.PairRecommender;
import dev.aivj.engine.recommend.PickPolicy;
import dev.aivj.engine.recommend.PresetPreferences;
import java.util.List;

/**
 * The engine: a session holding the music model, the pair library and the pair seed, and the one place where a
 * song's pipeline is assembled. The Wasm exports, the command line and the bench only translate to and from it.
 *
 * <p>A song runs the {@link Stage}s in order: prepare (validate, mix down, level facts, resample), features,
 * rhythm (tempo, beats, summary), style (the music model, when loaded), pairs (sections and one library pair per
 * section, when a library is loaded), mix (how each pair's layers blend, {@link LayerMix}). Live audio runs the
 * same front end and model in 0.5 s hops through {@link #live()}.
 *
 * <p>The viewer's {@link PresetPreferences} (blocklist, favourites) and {@link PickPolicy} (the recommender's own
 * pick, the viewer's learned preference, or an A/B test's control arm) apply to the pairs stage; {@link #replan}
 * runs the pairs and mix stages again on an analysed song when they change mid-song.
 *
 * <p>Immutable: {@code with…} returns a new engine, so a caller can swap the model or library between songs.
 */
public final class Engine {
    /** A song's stages, in the order they run. */
    public enum Stage {
        PREPARE, FEATURES, RHYTHM, STYLE, PAIRS, MIX
    }

    /** Told as each stage ends (the bench times them); a stage without its model or library ends at once. */
    public interface StageListener {
        void ended(Stage stage);
    }

    private static final StageListener SILENT = stage -> { };

    private final MusicModel model;
    private final PairLibrary library;
    private final long seed;
    private final PresetPreferences preferences;
    private final PickPolicy policy;

    /**
     * @param model the music model, or null: plans then have no style
     * @param library the pair library, or null: plans then have no pairs
     * @param seed the pair choice's seed (same song, library and seed → same pairs)
     */
    public Engine(MusicModel model, PairLibrary library, long seed) {
        this(model, library, seed, PresetPreferences.NONE);
    }

    /** As above, with the viewer's preset preferences (refused when they block every pair of the library). */
    public Engine(MusicModel model, PairLibrary library, long seed, PresetPreferences preferences) {
        this(model, library, seed, preferences, PairRecommender.DEFAULT_POLICY);
    }

    private Engine(MusicModel model, PairLibrary library, long seed, PresetPreferences preferences,
            PickPolicy policy) {
        if (library != null) {
            preferences.requireSomePairIn(library);
        }
        this.model = model;
        this.library = library;
        this.seed = seed;
        this.preferences = preferences;
        this.policy = policy;
    }

    /** An engine with neither model nor library and the default seed: analysis only. */
    public static Engine bare() {
        return new Engine(null, null, PairPlan.DEFAULT_SEED);
    }

    public Engine withModel(MusicModel m) {
        return new Engine(m, library, seed, preferences, policy);
    }

    /** A new library drops preferences that would block all of its pairs rather than refuse the library. */
    public Engine withLibrary(PairLibrary l) {
        boolean fits = l == null || preferences.allowedIn(l) > 0;
        return new Engine(model, l, seed, fits ? preferences : PresetPreferences.NONE, policy);
    }

    public Engine withSeed(long s) {
        return new Engine(model, library, s, preferences, policy);
    }

    /** @throws IllegalArgumentException when they block every pair of the loaded library */
    public Engine withPreferences(PresetPreferences p) {
        return new Engine(model, library, seed, p, policy);
    }

    /** An engine whose pairs are picked by {@code p}. */
    public Engine withPolicy(PickPolicy p) {
        return new Engine(model, library, seed, preferences, p);
    }

    public PresetPreferences preferences() {
        return preferences;
    }

    public PickPolicy policy() {
        return policy;
    }

    public MusicModel model() {
        return model;
    }

    public PairLibrary library() {
        return library;
    }

    public long seed() {
        return seed;
    }

    /**
     * One song's plan from interleaved PCM in −1..1.
     *
     * @throws IllegalArgumentException for PCM the front end rejects (empty, non-finite, unsupported rate or
     *     channel count)
     */
    public SongPlan analyze(float[] interleavedPcm, int channels, int sampleRate) {
        return analyze(interleavedPcm, channels, sampleRate, false, SILENT);
    }

    /**
     * As {@link #analyze(float[], int, int)}; {@code overwriteInput}: the caller hands its array over (see
     * {@link AudioAnalyzer#overwritingInput}); {@code listener} hears each stage end.
     */
    public SongPlan analyze(float[] interleavedPcm, int channels, int sampleRate, boolean overwriteInput,
            StageListener listener) {
        AudioAnalyzer analyzer = overwriteInput ? AudioAnalyzer.overwritingInput() : new AudioAnalyzer();
        PreparedSignal prepared = analyzer.prepare(interleavedPcm, channels, sampleRate);
        listener.ended(Stage.PREPARE);
        FrameFeatures frames = analyzer.features(prepared);
        listener.ended(Stage.FEATURES);
        AnalysisResult result = analyzer.rhythm(prepared, frames);
        listener.ended(Stage.RHYTHM);
        SongStyle style = model == null ? null : SongStyle.analyze(model, result);
        listener.ended(Stage.STYLE);
        return plan(result, style, listener);
    }

    /**
     * The song of {@code analysed} planned again with this engine's library and preferences: only the pairs and mix
     * stages run (milliseconds), the analysis and style are reused, and the same seed gives the same plan as a
     * fresh analysis with these preferences.
     */
    public SongPlan replan(SongPlan analysed) {
        return plan(analysed.analysis(), analysed.style(), SILENT);
    }

    private SongPlan plan(AnalysisResult result, SongStyle style, StageListener listener) {
        List<PairChoice> pairs = library == null ? null : PairPlan.of(result, style, library, preferences, policy, seed);
        listener.ended(Stage.PAIRS);
        List<LayerMix> mixes = LayerMix.forPairs(pairs);
        listener.ended(Stage.MIX);
        return new SongPlan(result, style, pairs, mixes);
    }

    /** A live session on this engine's model: push mono PCM at the analysis rate in hops of any size. */
    public LiveAnalyzer live() {
        return new LiveAnalyzer(model);
    }

    /**
     * The live show on this engine's model and pair library: tempo, sections and a pair per section as the music
     * plays; {@code sensitivity} 0..1 sets how readily sections change ({@link LiveShow}).
     */
    public LiveShow liveShow(double sensitivity) {
        return new LiveShow(live(), library, preferences, policy, seed, sensitivity);
    }
}
