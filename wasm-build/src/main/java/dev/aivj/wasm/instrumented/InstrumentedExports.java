package dev.aivj.wasm.instrumented;

import dev.aivj.engine.AnalysisSettings;
import dev.aivj.engine.Engine;
import dev.aivj.engine.EngineInfo;
import dev.aivj.wasm.EngineExports;
import dev.aivj.wasm.EngineSession;
import dev.aivj.engine.json.JsonWriter;
import org.teavm.jso.JSExport;

/**
 * The engine's API for the bench and the Wasm tests: the product's exports ({@link EngineExports}, documented
 * there) plus timing and inspection entry points the product never calls. Compiled by TeaVM into a module of its
 * own ({@code instrumented/engine/aivj-engine.wasm} on the classpath, never served by the app). TeaVM exports only
 * the main class's own static methods, so the product's exports are declared again here, each a one-line
 * delegation to the same {@link EngineSession} operation.
 */
public final class InstrumentedExports {
    private static final EngineSession SESSION = new EngineSession();
    private static double lastModelMillis;

    private InstrumentedExports() {
    }

    // The product's exports.

    @JSExport
    public static int analysisRate() {
        return AnalysisSettings.SAMPLE_RATE;
    }

    @JSExport
    public static String analyzeInterleaved(float[] pcm, int channels, int sampleRate) {
        return SESSION.analyze(pcm, channels, sampleRate, false, stage -> { });
    }

    @JSExport
    public static String loadModel(String manifestJson, byte[] weights) {
        return SESSION.loadModel(manifestJson, weights);
    }

    @JSExport
    public static void unloadModel() {
        SESSION.unloadModel();
    }

    @JSExport
    public static String modelLabels() {
        return SESSION.modelLabels();
    }

    @JSExport
    public static String loadPairLibrary(String json) {
        return SESSION.loadPairLibrary(json);
    }

    @JSExport
    public static String loadCouplingModel(String manifestJson, byte[] weights) {
        return SESSION.loadCouplingModel(manifestJson, weights);
    }

    @JSExport
    public static void unloadCouplingModel() {
        SESSION.unloadCouplingModel();
    }

    @JSExport
    public static int couplingInputSize() {
        return SESSION.couplingInputSize();
    }

    @JSExport
    public static String scorePairs(float[] uppers, float[] lowers, int count) {
        return SESSION.scorePairs(uppers, lowers, count);
    }

    @JSExport
    public static String liveStart(double sensitivity) {
        return SESSION.liveStart(sensitivity);
    }

    @JSExport
    public static String livePush(float[] pcm) {
        return SESSION.livePush(pcm);
    }

    @JSExport
    public static String version() {
        return EngineInfo.VERSION;
    }

    // Timing and inspection.

    /** Mono PCM in, the plan JSON out (the product's analyzeInterleaved with one channel). */
    @JSExport
    public static String analyze(float[] pcm, int sampleRate) {
        return analyzeTimingModel(pcm, sampleRate, false);
    }

    /** Mono PCM in, the plan JSON including the log-mel spectrogram out (parity tests, debugging). */
    @JSExport
    public static String analyzeFull(float[] pcm, int sampleRate) {
        return analyzeTimingModel(pcm, sampleRate, true);
    }

    /** Milliseconds the last {@link #analyze}/{@link #analyzeFull} spent in its style stage; 0 without a model. */
    @JSExport
    public static double lastModelMillis() {
        return lastModelMillis;
    }

    /**
     * Times the analysis of interleaved PCM stage by stage ({@link StageBenchmark}: the product's analysis, with
     * the loaded model and pair library, if any). Returns {@code {"stages":{"prepare":ms,"features":ms,"tempo":ms,
     * "model":ms,"recommend":ms},"total":ms,"frames":n,"checksum":x}} or {@code {"error":...}}. "checksum" sums
     * the results (equal for equal input, engine and bundles; compare it with HotSpot's). Not included: the copy
     * of {@code pcm} into Wasm (see {@link #echoLength}) and writing the plan JSON.
     */
    @JSExport
    public static String benchStages(float[] pcm, int channels, int sampleRate) {
        return EngineSession.guarded("invalid argument", () -> {
            if (pcm == null) {
                return EngineSession.errorJson("pcm is required");
            }
            // pcm is this call's own copy of the Float32Array: the analysis may overwrite it.
            StageBenchmark.Run run = new StageBenchmark(SESSION.engine(), true).run(pcm, channels, sampleRate);
            StageTimes t = run.times();
            return new JsonWriter().beginObject().name("stages").beginObject()
                    .name("prepare").value(t.prepare()).name("features").value(t.features())
                    .name("tempo").value(t.tempo()).name("model").value(t.model())
                    .name("recommend").value(t.recommend()).endObject()
                    .name("total").value(t.total()).name("frames").value(run.frames())
                    .name("checksum").value(run.checksum()).endObject().toString();
        });
    }

    /**
     * Returns {@code pcm.length} and does nothing else: timing a call from JavaScript measures what passing a
     * {@code Float32Array} costs (TeaVM copies it into a Wasm {@code float[]}), to subtract from other calls.
     */
    @JSExport
    public static int echoLength(float[] pcm) {
        return pcm == null ? 0 : pcm.length;
    }

    private static String analyzeTimingModel(float[] pcm, int sampleRate, boolean includeLogMel) {
        long[] styleSpan = new long[2];
        String json = SESSION.analyze(pcm, 1, sampleRate, includeLogMel, stage -> {
            if (stage == Engine.Stage.RHYTHM || stage == Engine.Stage.STYLE) {
                styleSpan[stage == Engine.Stage.RHYTHM ? 0 : 1] = System.nanoTime();
            }
        });
        lastModelMillis = SESSION.engine().model() == null ? 0 : (styleSpan[1] - styleSpan[0]) / 1e6;
        return json;
    }
}
