package dev.aivj.wasm;

import dev.aivj.engine.AudioAnalyzer;
import dev.aivj.engine.EngineInfo;
import dev.aivj.engine.analysis.AnalysisJson;
import dev.aivj.engine.json.JsonWriter;
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
 * string: on success the analysis ({@link AnalysisJson#write}); on failure an object whose only key is
 * {@code "error"}, e.g. {@code {"error":"sampleRate must be > 0"}}. Callers test
 * {@code 'error' in JSON.parse(s)} (or {@code s.startsWith('{"error":')}). {@link IllegalArgumentException}
 * (bad PCM, channel count or sample rate) yields its message; any other runtime exception yields
 * {@code "internal error: ..."}. A Wasm trap (e.g. out of memory) is still thrown in JavaScript.
 */
public final class EngineExports {
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

    /** The engine version, {@link EngineInfo#VERSION}. */
    @JSExport
    public static String version() {
        return EngineInfo.VERSION;
    }

    private static String run(float[] pcm, int channels, int sampleRate, boolean includeLogMel) {
        try {
            return AnalysisJson.write(new AudioAnalyzer().analyze(pcm, channels, sampleRate), includeLogMel);
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
