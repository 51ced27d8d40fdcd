package dev.aivj.wasm;

import dev.aivj.engine.Engine;
import dev.aivj.engine.EngineInfo;
import dev.aivj.engine.analysis.SongStyle;
import dev.aivj.engine.bench.StageBenchmark;
import dev.aivj.engine.bench.StageTimes;
import dev.aivj.engine.coupling.CouplingModel;
import dev.aivj.engine.coupling.CouplingScore;
import dev.aivj.engine.model.MusicModel;
import dev.aivj.engine.json.JsonWriter;
import dev.aivj.engine.live.LiveAnalyzer;
import dev.aivj.engine.live.LiveUpdate;
import dev.aivj.engine.model.VisualParameters;
import dev.aivj.engine.plan.PlanJson;
import dev.aivj.engine.plan.SongPlan;
import dev.aivj.engine.recommend.PairLibrary;
import org.teavm.jso.JSExport;

/**
 * The engine's JavaScript API, compiled by TeaVM to WebAssembly GC ({@code /engine/aivj-engine.wasm}).
 *
 * <p>Load it in a page or a Web Worker with the runtime script {@code /engine/aivj-engine.wasm-runtime.js}:
 * <pre>
 *   const teavm = await TeaVM.wasmGC.load('/engine/aivj-engine.wasm');
 *   const json = teavm.exports.analyze(float32Array, sampleRate);
 * </pre>
 * A {@code float[]} parameter takes a {@code Float32Array} (copied into Wasm once per call).
 *
 * <p><b>Error contract:</b> no export throws for bad input. Every {@code analyze*} export returns a JSON
 * string: on success the analysis ({@link PlanJson#write}); on failure an object whose only key is
 * {@code "error"}, e.g. {@code {"error":"sampleRate must be > 0"}}. Callers test
 * {@code 'error' in JSON.parse(s)} (or {@code s.startsWith('{"error":')}). {@link IllegalArgumentException}
 * (bad PCM, channel count or sample rate) yields its message; any other runtime exception yields
 * {@code "internal error: ..."}. A Wasm trap (e.g. out of memory) is still thrown in JavaScript.
 *
 * <p><b>Music model:</b> {@link #loadModel} takes the bundle's {@code manifest.json} text and its
 * {@code weights.bin} bytes as an {@code Int8Array} or {@code Uint8Array} (TeaVM 0.16 copies any typed array
 * into a {@code byte[]} parameter; from a fetch: {@code new Uint8Array(await response.arrayBuffer())}). Once a
 * model is loaded, every {@code analyze*} result also has {@code style} and {@code segments} (see
 * {@link PlanJson}). The model is held in this module instance until replaced or {@link #unloadModel}.
 *
 * <p><b>Coupling model:</b> {@link #loadCouplingModel} takes a coupling-model bundle the same way (its own slot:
 * loading or unloading one model never touches the other). {@link #scorePairs} then scores (upper, lower) preset
 * pairs given as preset vectors back to back in two {@code Float32Array}s, and returns
 * {@code {"pairs":[{"quality":..,"w_s":..,"w_t":..,"S":..,"T":..}, ...]}} or {@code {"error":...}}; see
 * {@link dev.aivj.engine.coupling.CouplingModelSpec} for what the numbers are.
 *
 * <p><b>Timing:</b> {@link #benchStages} runs the whole analysis of {@link #analyzeInterleaved} (with the loaded
 * model and pair library) and returns each stage's milliseconds instead of the analysis; {@link #echoLength} does
 * nothing but take a {@code Float32Array}, so its time is the cost of the JS→Wasm copy alone.
 *
 * <p><b>Live:</b> {@link #liveStart} begins a live stream with the loaded model; {@link #livePush} then takes
 * mono PCM at 22050 Hz in chunks of any size (e.g. 0.5 s) and returns the latest style ({@link LiveAnalyzer}).
 */
public final class EngineExports {
    /** The session: music model, pair library and seed, replaced as they are loaded. */
    private static Engine engine = Engine.bare();
    private static CouplingModel couplingModel;
    private static double lastModelMillis;
    private static LiveAnalyzer live;

    private EngineExports() {
    }

    /** Mono PCM in, analysis JSON (without the log-mel spectrogram) out. */
    @JSExport
    public static String analyze(float[] pcm, int sampleRate) {
        return run(pcm, 1, sampleRate, false);
    }

    /** Interleaved PCM with {@code channels} channels in, analysis JSON (without the log-mel spectrogram) out. */
    @JSExport
    public static String analyzeInterleaved(float[] pcm, int channels, int sampleRate) {
        return run(pcm, channels, sampleRate, false);
    }

    /** Mono PCM in, analysis JSON including the log-mel spectrogram out (parity tests, debugging). */
    @JSExport
    public static String analyzeFull(float[] pcm, int sampleRate) {
        return run(pcm, 1, sampleRate, true);
    }

    /**
     * Loads (and checks: sha256, format version, tensor shapes) a music-model bundle. Returns {@code ""} on
     * success, else {@code {"error":"..."}}; on failure the previously loaded model (if any) stays loaded.
     */
    @JSExport
    public static String loadModel(String manifestJson, byte[] weights) {
        try {
            if (manifestJson == null || weights == null) {
                return errorJson("model bundle: manifest and weights are required");
            }
            engine = engine.withModel(MusicModel.load(manifestJson, weights));
            return "";
        } catch (IllegalArgumentException e) {
            return errorJson(e.getMessage() != null ? e.getMessage() : "invalid model bundle");
        } catch (RuntimeException e) {
            return errorJson("internal error: " + (e.getMessage() != null ? e.getMessage() : "runtime exception"));
        }
    }

    /** Forgets the loaded model: later analyses have no {@code style}/{@code segments}. */
    @JSExport
    public static void unloadModel() {
        engine = engine.withModel(null);
    }

    /** The loaded model's labels as a JSON array ({@code []} when no model is loaded). */
    @JSExport
    public static String modelLabels() {
        JsonWriter w = new JsonWriter().beginArray();
        if (engine.model() != null) {
            for (String l : engine.model().labels()) {
                w.value(l);
            }
        }
        return w.endArray().toString();
    }

    /** Milliseconds the last analysis spent in its style stage (the music model and the style summary); 0 without a model. */
    @JSExport
    public static double lastModelMillis() {
        return lastModelMillis;
    }

    /**
     * Loads (and checks: sha256, format version, architecture, tensor shapes) a coupling-model bundle. Returns
     * {@code ""} on success, else {@code {"error":"..."}}; on failure the previously loaded coupling model (if any)
     * stays loaded. The music model ({@link #loadModel}) is not affected.
     */
    @JSExport
    public static String loadCouplingModel(String manifestJson, byte[] weights) {
        try {
            if (manifestJson == null || weights == null) {
                return errorJson("model bundle: manifest and weights are required");
            }
            couplingModel = CouplingModel.load(manifestJson, weights);
            return "";
        } catch (IllegalArgumentException e) {
            return errorJson(e.getMessage() != null ? e.getMessage() : "invalid coupling model bundle");
        } catch (RuntimeException e) {
            return errorJson("internal error: " + (e.getMessage() != null ? e.getMessage() : "runtime exception"));
        }
    }

    /** Forgets the loaded coupling model: {@link #scorePairs} returns an error until the next load. */
    @JSExport
    public static void unloadCouplingModel() {
        couplingModel = null;
    }

    /** The loaded coupling model's preset-vector length, 0 when none is loaded. */
    @JSExport
    public static int couplingInputSize() {
        CouplingModel m = couplingModel;
        return m == null ? 0 : m.spec().inputSize();
    }

    /**
     * Scores {@code count} (upper, lower) preset pairs with the loaded coupling model. {@code uppers} and
     * {@code lowers} each hold {@code count} preset vectors back to back, every one {@code inputSize} floats long
     * ({@link #couplingInputSize}); pair i is {@code uppers[i·n .. i·n+n)} over {@code lowers[i·n .. i·n+n)}.
     * Returns {@code {"pairs":[{"quality":..,"w_s":..,"w_t":..,"S":..,"T":..}, ...]}} in pair order, or
     * {@code {"error":"..."}} when no coupling model is loaded, the lengths are not {@code count·inputSize} or a
     * vector holds a non-finite value (the message names the pair).
     */
    @JSExport
    public static String scorePairs(float[] uppers, float[] lowers, int count) {
        try {
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
        } catch (IllegalArgumentException e) {
            return errorJson(e.getMessage() != null ? e.getMessage() : "invalid argument");
        } catch (RuntimeException e) {
            return errorJson("internal error: " + (e.getMessage() != null ? e.getMessage() : "runtime exception"));
        }
    }

    /** A float widened by its shortest decimal form (0.1f prints as 0.1), as {@link JsonWriter#array(float[])}. */
    private static double shortest(float v) {
        return Double.parseDouble(Float.toString(v));
    }

    /**
     * Loads the pair library ({@code pair-library.json} text, see {@link PairLibrary}); afterwards every
     * {@code analyze*} result has {@code pairs} (one preset pair per music section). Returns {@code ""} or
     * {@code {"error":...}}; on failure the previous library stays loaded.
     */
    @JSExport
    public static String loadPairLibrary(String json) {
        try {
            if (json == null) {
                return errorJson("pair library: the library JSON is required");
            }
            engine = engine.withLibrary(PairLibrary.parse(json));
            return "";
        } catch (IllegalArgumentException e) {
            return errorJson(e.getMessage() != null ? e.getMessage() : "invalid pair library");
        } catch (RuntimeException e) {
            return errorJson("internal error: " + (e.getMessage() != null ? e.getMessage() : "runtime exception"));
        }
    }

    /**
     * Times the analysis of interleaved PCM stage by stage ({@link StageBenchmark}: the same stages as
     * {@link #analyzeInterleaved}, with the loaded model and pair library, if any). Returns
     * {@code {"stages":{"prepare":ms,"features":ms,"tempo":ms,"model":ms,"recommend":ms},"total":ms,"frames":n,
     * "checksum":x}} or {@code {"error":...}} as {@code analyze*}. "model" and "recommend" are 0 without a model or
     * library; "checksum" sums the results (equal for equal input, engine and bundles; compare it with HotSpot's).
     * Not included: the copy of {@code pcm} into Wasm (see {@link #echoLength}) and writing the analysis JSON.
     */
    @JSExport
    public static String benchStages(float[] pcm, int channels, int sampleRate) {
        try {
            if (pcm == null) {
                return errorJson("pcm is required");
            }
            // pcm is this call's own copy of the Float32Array: the analysis may overwrite it.
            StageBenchmark.Run run = new StageBenchmark(engine, true).run(pcm, channels, sampleRate);
            StageTimes t = run.times();
            return new JsonWriter().beginObject().name("stages").beginObject()
                    .name("prepare").value(t.prepare()).name("features").value(t.features())
                    .name("tempo").value(t.tempo()).name("model").value(t.model())
                    .name("recommend").value(t.recommend()).endObject()
                    .name("total").value(t.total()).name("frames").value(run.frames())
                    .name("checksum").value(run.checksum()).endObject().toString();
        } catch (IllegalArgumentException e) {
            return errorJson(e.getMessage() != null ? e.getMessage() : "invalid argument");
        } catch (RuntimeException e) {
            return errorJson("internal error: " + (e.getMessage() != null ? e.getMessage() : "runtime exception"));
        }
    }

    /**
     * Returns {@code pcm.length} and does nothing else: timing a call from JavaScript measures what passing a
     * {@code Float32Array} costs (TeaVM copies it into a Wasm {@code float[]}), to subtract from other calls.
     */
    @JSExport
    public static int echoLength(float[] pcm) {
        return pcm == null ? 0 : pcm.length;
    }

    /**
     * Starts (or restarts) a live stream with the loaded model, if any (its state is the stream's from here on;
     * loading another model does not change a running stream). Returns {@code ""}.
     */
    @JSExport
    public static String liveStart() {
        live = engine.live();
        return "";
    }

    /**
     * Pushes mono PCM at 22050 Hz into the live stream and returns
     * {@code {"frames":n,"newFrames":k,"steps":s,"style":label,"reason":r,"probabilities":[...],"visual":{name:value,...}}}:
     * frames and model steps so far, and the latest step's style (argmax label; {@code null} with its
     * probabilities and visual parameters before the first step or without a model), visual parameters in their
     * units. A step without enough signal ({@link dev.aivj.engine.analysis.SignalGate}) has {@code "style":"none"},
     * {@code "reason":"silence: ..."} and {@code "probabilities":null}; {@code reason} is {@code null} otherwise. A frame is analysed once its whole window has arrived (23 ms after its centre); a step is the model's frames per step (8 for the shipped model).
     * Errors as {@code analyze*}: {@code {"error":...}}, e.g. before {@link #liveStart} or for a non-finite sample.
     */
    @JSExport
    public static String livePush(float[] pcm22050mono) {
        try {
            if (live == null) {
                return errorJson("live: no live stream (call liveStart first)");
            }
            if (pcm22050mono == null) {
                return errorJson("pcm is required");
            }
            return liveJson(live.push(pcm22050mono), live.labels());
        } catch (IllegalArgumentException e) {
            return errorJson(e.getMessage() != null ? e.getMessage() : "invalid argument");
        } catch (RuntimeException e) {
            return errorJson("internal error: " + (e.getMessage() != null ? e.getMessage() : "runtime exception"));
        }
    }

    /** The {@link #livePush} JSON of one update; {@code labels} are the live stream's model's. */
    static String liveJson(LiveUpdate u, String[] labels) {
        JsonWriter w = new JsonWriter().beginObject().name("frames").value(u.frames()).name("newFrames")
                .value(u.newFrames()).name("steps").value(u.steps());
        float[] p = u.style();
        if (u.reason() != null) { // a silent step: no style, its reason, the visual parameters as usual
            w.name("style").value(SongStyle.NONE).name("reason").value(u.reason()).name("probabilities").nullValue();
            return visualJson(w, u.visual()).endObject().toString();
        }
        if (p == null) {
            return w.name("style").nullValue().name("reason").nullValue().name("probabilities").nullValue()
                    .name("visual").nullValue().endObject().toString();
        }
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        w.name("style").value(labels[best]).name("reason").nullValue().name("probabilities").array(p);
        return visualJson(w, u.visual()).endObject().toString();
    }

    private static JsonWriter visualJson(JsonWriter w, float[] v) {
        w.name("visual").beginObject();
        for (int i = 0; i < v.length; i++) {
            w.name(VisualParameters.get(i).name()).value(VisualParameters.get(i).scale(v[i]));
        }
        return w.endObject();
    }

    /** The engine version, {@link EngineInfo#VERSION}. */
    @JSExport
    public static String version() {
        return EngineInfo.VERSION;
    }

    private static String run(float[] pcm, int channels, int sampleRate, boolean includeLogMel) {
        try {
            // pcm is this call's own copy of the Float32Array: the analysis may overwrite it.
            long[] styleSpan = new long[2];
            SongPlan plan = engine.analyze(pcm, channels, sampleRate, true, stage -> {
                if (stage == Engine.Stage.RHYTHM || stage == Engine.Stage.STYLE) {
                    styleSpan[stage == Engine.Stage.RHYTHM ? 0 : 1] = System.nanoTime();
                }
            });
            lastModelMillis = engine.model() == null ? 0 : (styleSpan[1] - styleSpan[0]) / 1e6;
            return PlanJson.write(plan, includeLogMel);
        } catch (IllegalArgumentException e) {
            return errorJson(e.getMessage() != null ? e.getMessage() : "invalid argument");
        } catch (RuntimeException e) {
            return errorJson("internal error: " + (e.getMessage() != null ? e.getMessage() : "runtime exception"));
        }
    }

    static String errorJson(String message) {
        return new JsonWriter().beginObject().name("error").value(message).endObject().toString();
    }
}
