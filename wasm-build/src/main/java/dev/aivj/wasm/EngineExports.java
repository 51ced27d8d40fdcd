package dev.aivj.wasm;

import dev.aivj.engine.AnalysisSettings;
import dev.aivj.engine.EngineInfo;
import dev.aivj.engine.plan.PlanJson;
import org.teavm.jso.JSExport;

/**
 * The engine's JavaScript API as the product uses it, compiled by TeaVM to WebAssembly GC
 * ({@code /engine/aivj-engine.wasm}). Each export only translates to and from one {@link EngineSession}; the
 * bench's and tests' extra entry points are in a build of their own
 * ({@link dev.aivj.wasm.instrumented.InstrumentedExports}).
 *
 * <p>Load it in a page or a Web Worker with the runtime script {@code /engine/aivj-engine.wasm-runtime.js}:
 * <pre>
 *   const teavm = await TeaVM.wasmGC.load('/engine/aivj-engine.wasm');
 *   const json = teavm.exports.analyzeInterleaved(float32Array, 1, teavm.exports.analysisRate());
 * </pre>
 * A {@code float[]} parameter takes a {@code Float32Array} (copied into Wasm once per call); a {@code byte[]}
 * parameter any typed array, e.g. {@code new Uint8Array(await response.arrayBuffer())}.
 *
 * <p><b>Error contract:</b> no export throws for bad input. Every export that returns a string returns either its
 * result or an object whose only key is {@code "error"}, e.g. {@code {"error":"sampleRate must be > 0"}}; the
 * {@code load*} exports return {@code ""} on success. A Wasm trap (e.g. out of memory) is still thrown in JavaScript.
 */
public final class EngineExports {
    private static final EngineSession SESSION = new EngineSession();

    private EngineExports() {
    }

    /** The sample rate the engine analyses at: the page decodes to it, so the engine need not resample. */
    @JSExport
    public static int analysisRate() {
        return AnalysisSettings.SAMPLE_RATE;
    }

    /**
     * Interleaved PCM with {@code channels} channels at {@code sampleRate} in, the song's plan as JSON
     * ({@link PlanJson#write}, without the log-mel spectrogram) out: with a loaded model also {@code style} and
     * {@code segments}, with a loaded pair library also {@code pairs} and their mixes.
     */
    @JSExport
    public static String analyzeInterleaved(float[] pcm, int channels, int sampleRate) {
        return SESSION.analyze(pcm, channels, sampleRate, false, stage -> { });
    }

    /**
     * Loads (and checks: sha256, format version, tensor shapes) a music-model bundle: its {@code manifest.json} text
     * and {@code weights.bin} bytes. Returns {@code ""} or an error; on failure the previous model stays loaded.
     */
    @JSExport
    public static String loadModel(String manifestJson, byte[] weights) {
        return SESSION.loadModel(manifestJson, weights);
    }

    /** Forgets the loaded model: later analyses have no {@code style}/{@code segments}. */
    @JSExport
    public static void unloadModel() {
        SESSION.unloadModel();
    }

    /** The loaded model's labels as a JSON array ({@code []} when no model is loaded). */
    @JSExport
    public static String modelLabels() {
        return SESSION.modelLabels();
    }

    /**
     * Loads the pair library ({@code pair-library.json} text, see {@link dev.aivj.engine.recommend.PairLibrary});
     * afterwards every plan has {@code pairs}. Returns {@code ""} or an error; on failure the previous one stays.
     */
    @JSExport
    public static String loadPairLibrary(String json) {
        return SESSION.loadPairLibrary(json);
    }

    /**
     * Sets the viewer's preset preferences, {@code {"blocked":[preset ids],"favourites":[preset ids]}} (see
     * {@link dev.aivj.engine.recommend.PresetPreferences}; {@code ""} clears them): later plans never pick a pair
     * with a blocked preset and favour pairs with favourites. Returns {@code ""} or an error (bad JSON, or a
     * blocklist that leaves no pair of the library); on failure the previous preferences stay.
     */
    @JSExport
    public static String setPresetPreferences(String json) {
        return SESSION.setPresetPreferences(json);
    }

    /**
     * Sets how later plans (and a running live show) pick pairs: {@code {"arm": "learned" | "weighted-random" |
     * "recommender", "preference": ViewerPreference JSON string or null, "prior": GlobalPrior JSON string or null}}
     * (see {@link EngineSession#setPickPolicy}). Returns {@code ""} or an error; on failure the previous one stays.
     */
    @JSExport
    public static String setPickPolicy(String json) {
        return SESSION.setPickPolicy(json);
    }

    /**
     * Learns one viewer signal, {@code {"features": [the plan's why.features], "signal": "rating" | "thumb" |
     * "favourite" | "lock" | "back" | "skip" | "dwell" | "leave", "value": n}}: returns {@code {"reward": r,
     * "preference": the updated preference}} for the page to log and keep, or an error (the preference stays).
     */
    @JSExport
    public static String learnPreference(String json) {
        return SESSION.learnPreference(json);
    }

    /**
     * The preference update this viewer may send the federation: {@code {"format", "priorVersion", "delta"}}, the
     * move from the global prior clipped to L2 norm {@code clip}, with Gaussian noise of {@code noiseMultiplier ×
     * clip} per coordinate when above 0 (drawn from {@code seed}).
     */
    @JSExport
    public static String preferenceUpdate(double clip, double noiseMultiplier, int seed) {
        return SESSION.preferenceUpdate(clip, noiseMultiplier, seed);
    }

    /** The viewer's preference as the page shows it: {@code {arm, signals, priorVersion, strongest: [...]}}. */
    @JSExport
    public static String preferenceSummary() {
        return SESSION.preferenceSummary();
    }

    /**
     * The last analysed song planned again with the current pair library and preferences, as the plan JSON of
     * {@link #analyzeInterleaved}: only the pair stages run (milliseconds), so the page can re-plan the rest of a
     * playing song when the viewer blocks or favours a preset. An error before any song has been analysed.
     */
    @JSExport
    public static String replan() {
        return SESSION.replan();
    }

    /**
     * Loads (and checks: sha256, format version, architecture, tensor shapes) a coupling-model bundle into its own
     * slot (the music model is not affected). Returns {@code ""} or an error; on failure the previous one stays.
     */
    @JSExport
    public static String loadCouplingModel(String manifestJson, byte[] weights) {
        return SESSION.loadCouplingModel(manifestJson, weights);
    }

    /** Forgets the loaded coupling model: {@link #scorePairs} returns an error until the next load. */
    @JSExport
    public static void unloadCouplingModel() {
        SESSION.unloadCouplingModel();
    }

    /** The loaded coupling model's preset-vector length, 0 when none is loaded. */
    @JSExport
    public static int couplingInputSize() {
        return SESSION.couplingInputSize();
    }

    /**
     * Scores {@code count} (upper, lower) preset pairs with the loaded coupling model. {@code uppers} and
     * {@code lowers} each hold {@code count} preset vectors back to back, every one {@link #couplingInputSize}
     * floats long. Returns {@code {"pairs":[{"quality":..,"w_s":..,"w_t":..,"S":..,"T":..}, ...]}} in pair order
     * (see {@link dev.aivj.engine.coupling.CouplingModelSpec}), or an error when no coupling model is loaded, the
     * lengths are not {@code count·inputSize} or a vector holds a non-finite value (the message names the pair).
     */
    @JSExport
    public static String scorePairs(float[] uppers, float[] lowers, int count) {
        return SESSION.scorePairs(uppers, lowers, count);
    }

    /**
     * Loads the presets of the pair library with their preset vectors and the library's look values
     * ({@code partner-presets.json}, see {@link dev.aivj.engine.recommend.PartnerPresets}): what
     * {@link #addOwnPreset} pairs a viewer's preset with. Returns {@code ""} or an error.
     */
    @JSExport
    public static String loadPartnerPresets(String json) {
        return SESSION.loadPartnerPresets(json);
    }

    /**
     * A preset the viewer brought joins the session's pair library. {@code frames} holds the frames the page rendered
     * of it on the preset checker's reference audio ({@code width}×{@code height} packed RGB each, back to back) and
     * {@code energies} the audio energy fed for each. The engine measures its look, pairs it with the library's
     * presets by the loaded coupling model (both layers, {@link dev.aivj.engine.recommend.OwnPresetPairs}) and adds
     * the best pairs to the library every later plan uses. Returns {@code {"look":[...],"axes":[motion, brightness,
     * detail, colour],"usable":b,"pairs":[{"fg","bg","quality","w_s","w_t"}...]}} (no pairs for a blank, frozen or
     * broken look) or an error (no coupling model, partner presets or pair library loaded; frames that do not match).
     */
    @JSExport
    public static String addOwnPreset(String id, String url, String milkText, byte[] frames, int width, int height,
            float[] energies) {
        return SESSION.addOwnPreset(id, url, milkText, frames, width, height, energies);
    }

    /**
     * Starts (or restarts) a live show with the loaded model and pair library, if any (loading another model does
     * not change a running show); {@code sensitivity} 0..1 sets how readily sections change (NaN or no argument:
     * 0.5). Returns {@code ""} or {@code {"error":...}} for a sensitivity outside 0..1.
     */
    @JSExport
    public static String liveStart(double sensitivity) {
        return SESSION.liveStart(sensitivity);
    }

    /**
     * Pushes mono PCM at {@link #analysisRate} into the live show, in chunks of any size (e.g. 0.5 s), and returns
     * what it knows now: {@code {"seconds":t,"readings":[{seconds,style,confidence}...],"tempo":{bpm,confidence}|null,
     * "beat":{last,next},"section":{start,reason,style}|null,"sectionStarted":b,"pair":{...a plan pair...,
     * "cutAt":t}|null,"frames":n,"newFrames":k,"steps":s,"style":label,"reason":r,"probabilities":[...],
     * "visual":{name:value,...}}}: the stream time, the model's recent readings, tempo and beats, the section and,
     * when one started with this push, its pair and the time to cut to it (the next beat); then frames and model
     * steps so far and the latest step's style (argmax label; {@code null} with its probabilities and visual
     * parameters before the first step or without a model). A step without enough signal has
     * {@code "style":"none"}, {@code "reason":"silence: ..."} and {@code "probabilities":null}. See
     * {@link dev.aivj.engine.live.LiveShow}.
     */
    @JSExport
    public static String livePush(float[] pcm) {
        return SESSION.livePush(pcm);
    }

    /** The engine version, {@link EngineInfo#VERSION}. */
    @JSExport
    public static String version() {
        return EngineInfo.VERSION;
    }
}
