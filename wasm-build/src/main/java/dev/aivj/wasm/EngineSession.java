package dev.aivj.wasm;

import dev.aivj.engine.Engine;
import dev.aivj.engine.analysis.SongStyle;
import dev.aivj.engine.coupling.CouplingModel;
import dev.aivj.engine.coupling.CouplingScore;
import dev.aivj.engine.feedback.Feedback;
import dev.aivj.engine.feedback.GlobalPrior;
import dev.aivj.engine.feedback.PreferenceUpdate;
import dev.aivj.engine.feedback.ViewerArm;
import dev.aivj.engine.feedback.ViewerPreference;
import dev.aivj.engine.json.JsonReader;
import dev.aivj.engine.json.JsonValue;
import dev.aivj.engine.json.JsonWriter;
import dev.aivj.engine.live.LiveShow;
import dev.aivj.engine.live.LiveShowUpdate;
import dev.aivj.engine.live.LiveUpdate;
import dev.aivj.engine.live.StyleReading;
import dev.aivj.engine.model.MusicModel;
import dev.aivj.engine.model.VisualParameters;
import dev.aivj.engine.plan.LiveJson;
import dev.aivj.engine.plan.PlanJson;
import dev.aivj.engine.plan.SongPlan;
import dev.aivj.engine.recommend.FeatureContribution;
import dev.aivj.engine.recommend.PairLibrary;
import dev.aivj.engine.recommend.PickPolicy;
import dev.aivj.engine.recommend.RecommenderPick;
import dev.aivj.engine.recommend.PresetPreferences;
import java.util.function.Supplier;

/**
 * What one Wasm module instance holds (the {@link Engine} session, the coupling model, a live stream) and the
 * JSON-in/JSON-out operations on it that the exports translate to. Both builds, the product's
 * ({@link EngineExports}) and the instrumented one for the bench and tests, export from one instance of it, so
 * they run the same code.
 *
 * <p>No operation throws for bad input: failures come back as {@code {"error":"..."}} ({@link #errorJson}).
 */
public final class EngineSession {
    private Engine engine = Engine.bare();
    private CouplingModel couplingModel;
    private final OwnPresets ownPresets = new OwnPresets();
    /** The pair library as loaded; the engine's is this with the pairs of the viewer's own presets. */
    private PairLibrary baseLibrary;
    private LiveShow live;
    /** The last analysed song, kept so that {@link #replan} can re-run only the pair stages when preferences change. */
    private SongPlan lastPlan;
    /** The viewer's learned preference (kept by the page in IndexedDB) and the arm of their installation. */
    private ViewerPreference preference = ViewerPreference.fresh();
    private String arm = RecommenderPick.NAME;

    /** The session's engine (music model, pair library, seed) as loaded so far. */
    public Engine engine() {
        return engine;
    }

    /** The plan JSON of interleaved PCM ({@link PlanJson#write}); {@code pcm} is the call's own copy and may be overwritten. */
    public String analyze(float[] pcm, int channels, int sampleRate, boolean includeLogMel, Engine.StageListener listener) {
        return guarded("invalid argument", () -> {
            SongPlan plan = engine.analyze(pcm, channels, sampleRate, true, listener);
            lastPlan = plan;
            return PlanJson.write(plan, includeLogMel);
        });
    }

    /** Loads (and checks) a music-model bundle: {@code ""} or an error, after which the previous model stays. */
    public String loadModel(String manifestJson, byte[] weights) {
        return guarded("invalid model bundle", () -> {
            requireBundle(manifestJson, weights);
            engine = engine.withModel(MusicModel.load(manifestJson, weights));
            return "";
        });
    }

    public void unloadModel() {
        engine = engine.withModel(null);
    }

    /** The loaded model's labels as a JSON array ({@code []} without a model). */
    public String modelLabels() {
        JsonWriter w = new JsonWriter().beginArray();
        if (engine.model() != null) {
            for (String l : engine.model().labels()) {
                w.value(l);
            }
        }
        return w.endArray().toString();
    }

    /** Loads the pair library ({@code pair-library.json} text): {@code ""} or an error, after which the previous one stays. */
    public String loadPairLibrary(String json) {
        return guarded("invalid pair library", () -> {
            if (json == null) {
                return errorJson("pair library: the library JSON is required");
            }
            baseLibrary = PairLibrary.parse(json);
            engine = engine.withLibrary(ownPresets.on(baseLibrary));
            return "";
        });
    }

    /**
     * Sets the viewer's preset preferences ({@link PresetPreferences} JSON; {@code ""} or null clears them) for the
     * next analyses and {@link #replan}s: {@code ""} or an error, after which the previous preferences stay.
     */
    public String setPresetPreferences(String json) {
        return guarded("invalid preset preferences", () -> {
            engine = engine.withPreferences(PresetPreferences.parse(json));
            liveUsesEnginePairs();
            return "";
        });
    }

    /**
     * Sets how pairs are picked: {@code {"arm": "learned" | "weighted-random" | "recommender", "preference": the
     * ViewerPreference JSON as a string, or null (a fresh one), "prior": the GlobalPrior JSON as a string, or null}}. A prior newer than the one the
     * preference moved from becomes its new starting point (the viewer's own signals stay). {@code ""} or an error,
     * after which the previous policy stays.
     */
    public String setPickPolicy(String json) {
        return guarded("invalid pick policy", () -> {
            JsonValue root = JsonReader.parse(json);
            String newArm = root.get("arm").asString();
            GlobalPrior prior = present(root, "prior") ? GlobalPrior.parse(root.get("prior").asString()) : null;
            ViewerPreference p = present(root, "preference")
                    ? ViewerPreference.parse(root.get("preference").asString())
                    : prior == null ? ViewerPreference.fresh() : ViewerPreference.fresh(prior.theta(), prior.version());
            if (prior != null && prior.version() > p.priorVersion()) {
                p = p.withPrior(prior.theta(), prior.version());
            }
            usePolicy(newArm, p);
            return "";
        });
    }

    /**
     * Learns one signal ({@link Feedback} JSON): {@code {"reward": r, "preference": the updated preference}} (the
     * reward the signal gave, for the viewer's log; the preference for the page to keep), or an error, after which
     * the preference stays as it was. Later plans and the live show pick with it.
     */
    public String learnPreference(String json) {
        return guarded("invalid feedback", () -> {
            Feedback f = Feedback.parse(json);
            usePolicy(arm, f.teach(preference));
            return new JsonWriter().beginObject().name("reward").value(f.reward()).name("preference")
                    .rawValue(preference.toJson()).endObject().toString();
        });
    }

    /** The update this viewer may send the federation ({@link PreferenceUpdate}): clipped, noise if asked. */
    public String preferenceUpdate(double clip, double noiseMultiplier, int seed) {
        return guarded("invalid argument", () -> PreferenceUpdate.of(preference, clip, noiseMultiplier,
                new java.util.Random(seed)).toJson());
    }

    /** What the viewer is shown as their preference: {arm, signals, priorVersion, strongest: [{feature, value}]}. */
    public String preferenceSummary() {
        JsonWriter w = new JsonWriter().beginObject().name("arm").value(arm).name("signals")
                .value(preference.signals()).name("priorVersion").value(preference.priorVersion())
                .name("strongest").beginArray();
        for (FeatureContribution f : preference.strongest(6)) {
            w.beginObject().name("feature").value(f.feature()).name("value").value(f.value()).endObject();
        }
        return w.endArray().endObject().toString();
    }

    private void usePolicy(String newArm, ViewerPreference p) {
        PickPolicy policy = ViewerArm.policy(newArm, p);
        engine = engine.withPolicy(policy);
        arm = newArm;
        preference = p;
        liveUsesEnginePairs();
    }

    private static boolean present(JsonValue root, String key) {
        return root.has(key) && root.get(key).kind() != JsonValue.Kind.NULL;
    }

    /** The last analysed song's plan again with the current library and preferences (pairs and mix stages only). */
    public String replan() {
        return guarded("invalid argument", () -> {
            if (lastPlan == null) {
                return errorJson("replan: no song has been analysed yet");
            }
            SongPlan plan = engine.replan(lastPlan);
            lastPlan = plan;
            return PlanJson.write(plan, false);
        });
    }

    /** Loads (and checks) a coupling-model bundle into its own slot: {@code ""} or an error. */
    public String loadCouplingModel(String manifestJson, byte[] weights) {
        return guarded("invalid coupling model bundle", () -> {
            requireBundle(manifestJson, weights);
            couplingModel = CouplingModel.load(manifestJson, weights);
            return "";
        });
    }

    public void unloadCouplingModel() {
        couplingModel = null;
    }

    /** The loaded coupling model's preset-vector length, 0 when none is loaded. */
    public int couplingInputSize() {
        CouplingModel m = couplingModel;
        return m == null ? 0 : m.spec().inputSize();
    }

    /** Scores {@code count} pairs given as preset vectors back to back ({@link EngineExports#scorePairs}). */
    public String scorePairs(float[] uppers, float[] lowers, int count) {
        return guarded("invalid argument", () -> {
            CouplingModel m = couplingModel;
            if (m == null) {
                return errorJson("coupling model: no coupling model is loaded (call loadCouplingModel first)");
            }
            if (uppers == null || lowers == null) {
                return errorJson("coupling model: uppers and lowers are required");
            }
            if (count < 0) {
                return errorJson("coupling model: count must be >= 0, got " + count);
            }
            int n = m.spec().inputSize();
            long expected = (long) count * n;
            if (uppers.length != expected || lowers.length != expected) {
                return errorJson("coupling model: uppers and lowers must each hold count * inputSize = " + count
                        + " * " + n + " = " + expected + " floats, got " + uppers.length + " and " + lowers.length);
            }
            JsonWriter w = new JsonWriter().beginObject().name("pairs").beginArray();
            float[] u = new float[n];
            float[] l = new float[n];
            for (int i = 0; i < count; i++) {
                System.arraycopy(uppers, i * n, u, 0, n);
                System.arraycopy(lowers, i * n, l, 0, n);
                CouplingScore s;
                try {
                    s = m.score(u, l);
                } catch (IllegalArgumentException e) {
                    return errorJson("pair " + i + ": " + e.getMessage());
                }
                w.beginObject();
                w.name("quality").value(shortest(s.quality()));
                w.name("w_s").value(shortest(s.spatialWeight()));
                w.name("w_t").value(shortest(s.temporalWeight()));
                w.name("S").value(shortest(s.spatialSimilarity()));
                w.name("T").value(shortest(s.temporalSimilarity()));
                w.endObject();
            }
            return w.endArray().endObject().toString();
        });
    }

    /** Loads the library presets that own presets are paired with ({@code partner-presets.json}): {@code ""} or an error. */
    public String loadPartnerPresets(String json) {
        return guarded("invalid partner presets", () -> {
            ownPresets.loadPartners(json);
            return "";
        });
    }

    /**
     * Measures a preset the viewer brought from the frames the page rendered of it, pairs it with the library by the
     * coupling model, and adds the pairs to the session's library (see {@link EngineExports#addOwnPreset}).
     */
    public String addOwnPreset(String id, String url, String milkText, byte[] frames, int width, int height,
            float[] energies) {
        return guarded("invalid argument", () -> {
            if (baseLibrary == null) {
                return errorJson("own presets: no pair library is loaded");
            }
            String json = ownPresets.add(couplingModel, id, url, milkText, frames, width, height, energies);
            engine = engine.withLibrary(ownPresets.on(baseLibrary));
            liveUsesEnginePairs();
            return json;
        });
    }

    /**
     * Starts (or restarts) a live show with the loaded model and pair library, if any; {@code sensitivity} 0..1
     * (NaN: {@link LiveShow#DEFAULT_SENSITIVITY}) sets how readily its sections change.
     */
    public String liveStart(double sensitivity) {
        return guarded("invalid argument", () -> {
            live = engine.liveShow(Double.isNaN(sensitivity) ? LiveShow.DEFAULT_SENSITIVITY : sensitivity);
            return "";
        });
    }

    /** A running live show picks its next pairs with the engine's library and preferences as they are now. */
    private void liveUsesEnginePairs() {
        if (live != null) {
            live.usePairs(engine.library(), engine.preferences(), engine.policy());
        }
    }

    /** Pushes mono PCM at the analysis rate into the live stream ({@link EngineExports#livePush}). */
    public String livePush(float[] pcm) {
        return guarded("invalid argument", () -> {
            if (live == null) {
                return errorJson("live: no live stream (call liveStart first)");
            }
            if (pcm == null) {
                return errorJson("pcm is required");
            }
            return liveJson(live.push(pcm), live.labels());
        });
    }

    /**
     * The {@link EngineExports#livePush} JSON of one update; {@code labels} are the live show's model's. The
     * analysis of the push (frames, steps, the latest step's style and visual parameters), then what the show
     * knows: seconds, readings, tempo, beat, section, and the pair chosen when a section started.
     */
    public static String liveJson(LiveShowUpdate show, String[] labels) {
        JsonWriter w = new JsonWriter().beginObject();
        writeShow(w, show);
        return writeAnalysis(w, show.analysis(), labels).endObject().toString();
    }

    private static void writeShow(JsonWriter w, LiveShowUpdate u) {
        LiveJson.readings(w.name("seconds").value(u.seconds()).name("readings"), u.readings());
        LiveJson.tempo(w.name("tempo"), u.tempo());
        finiteOrNull(w.name("beat").beginObject().name("last"), u.lastBeat());
        finiteOrNull(w.name("next"), u.nextBeat()).endObject().name("section");
        if (u.section() == null) {
            w.nullValue();
        } else {
            w.beginObject().name("start").value(u.section().start()).name("reason").value(u.section().reason())
                    .name("style").valueOrNull(u.section().style()).endObject();
        }
        w.name("sectionStarted").value(u.sectionStarted()).name("pair");
        if (u.pair() == null) {
            w.nullValue();
        } else {
            PlanJson.writePair(w.beginObject(), u.pair(), u.mix());
            w.name("cutAt").value(u.cutAt()).endObject();
        }
    }

    private static JsonWriter finiteOrNull(JsonWriter w, double v) {
        return Double.isFinite(v) ? w.value(v) : w.nullValue();
    }

    /** The push's analysis into the open object: frames, steps, the latest step's style and visual parameters. */
    private static JsonWriter writeAnalysis(JsonWriter w, LiveUpdate u, String[] labels) {
        w.name("frames").value(u.frames()).name("newFrames").value(u.newFrames()).name("steps").value(u.steps());
        float[] p = u.style();
        if (u.reason() != null) { // a silent step: no style, its reason, the visual parameters as usual
            w.name("style").value(SongStyle.NONE).name("reason").value(u.reason()).name("probabilities").nullValue();
            return visualJson(w, u.visual());
        }
        if (p == null) {
            return w.name("style").nullValue().name("reason").nullValue().name("probabilities").nullValue()
                    .name("visual").nullValue();
        }
        w.name("style").value(StyleReading.of(0, labels, p).style()).name("reason").nullValue().name("probabilities").array(p);
        return visualJson(w, u.visual());
    }

    private static JsonWriter visualJson(JsonWriter w, float[] v) {
        w.name("visual").beginObject();
        for (int i = 0; i < v.length; i++) {
            w.name(VisualParameters.get(i).name()).value(VisualParameters.get(i).scale(v[i]));
        }
        return w.endObject();
    }

    /** {@code {"error":message}}. */
    public static String errorJson(String message) {
        return new JsonWriter().beginObject().name("error").value(message).endObject().toString();
    }

    /**
     * Runs an operation, turning bad input ({@link IllegalArgumentException}: its message, else {@code fallback})
     * and any other runtime exception ({@code "internal error: ..."}) into {@link #errorJson}.
     */
    public static String guarded(String fallback, Supplier<String> operation) {
        try {
            return operation.get();
        } catch (IllegalArgumentException e) {
            return errorJson(e.getMessage() != null ? e.getMessage() : fallback);
        } catch (RuntimeException e) {
            return errorJson("internal error: " + (e.getMessage() != null ? e.getMessage() : "runtime exception"));
        }
    }

    private static void requireBundle(String manifestJson, byte[] weights) {
        if (manifestJson == null || weights == null) {
            throw new IllegalArgumentException("model bundle: manifest and weights are required");
        }
    }

    /** A float widened by its shortest decimal form (0.1f prints as 0.1), as {@link JsonWriter#array(float[])}. */
    private static double shortest(float v) {
        return Double.parseDouble(Float.toString(v));
    }
}
