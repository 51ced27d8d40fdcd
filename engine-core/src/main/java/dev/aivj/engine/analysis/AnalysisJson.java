package dev.aivj.engine.analysis;

import dev.aivj.engine.AnalysisSettings;
import dev.aivj.engine.EngineInfo;
import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.json.JsonWriter;

/**
 * The JSON form of an {@link AnalysisResult}, identical on the JVM and in WebAssembly. Frame arrays hold one
 * value per frame, frame i at i / frameRate seconds. The log-mel spectrogram is optional because it is large
 * (64 numbers per frame).
 */
public final class AnalysisJson {
    private AnalysisJson() {
    }

    public static String write(AnalysisResult r, boolean includeLogMel) {
        FrameFeatures f = r.frames();
        JsonWriter w = new JsonWriter().beginObject();
        w.name("engineVersion").value(EngineInfo.VERSION);
        w.name("durationSeconds").value(r.durationSeconds());
        w.name("inputSampleRate").value(r.inputSampleRate());
        w.name("inputChannels").value(r.inputChannels());
        writeSettings(w);
        w.name("frameRate").value(AnalysisSettings.frameRate());
        w.name("tempo").beginObject()
                .name("bpm").value(r.tempo().bpm())
                .name("confidence").value(r.tempo().confidence())
                .endObject();
        w.name("beats").array(r.beats());
        writeSummary(w, r.summary());
        w.name("frames").beginObject()
                .name("count").value(f.frames())
                .name("rms").array(f.rms())
                .name("onset").array(f.onset())
                .name("flux").array(f.flux())
                .name("centroidHz").array(f.centroidHz())
                .name("low").array(f.low())
                .name("mid").array(f.mid())
                .name("high").array(f.high())
                .endObject();
        if (includeLogMel) {
            w.name("logMel").beginObject().name("bands").value(f.melBands()).name("values").array(f.logMel())
                    .endObject();
        }
        return w.endObject().toString();
    }

    private static void writeSettings(JsonWriter w) {
        w.name("settings").beginObject()
                .name("sampleRate").value(AnalysisSettings.SAMPLE_RATE)
                .name("fftSize").value(AnalysisSettings.FFT_SIZE)
                .name("hopSize").value(AnalysisSettings.HOP_SIZE)
                .name("window").value("hann")
                .name("melBands").value(AnalysisSettings.MEL_BANDS)
                .name("melMinHz").value(AnalysisSettings.MEL_MIN_HZ)
                .name("melMaxHz").value(AnalysisSettings.MEL_MAX_HZ)
                .name("melScale").value("htk")
                .name("logMelUnit").value("dB")
                .endObject();
    }

    private static void writeSummary(JsonWriter w, SongSummary s) {
        w.name("summary").beginObject()
                .name("silent").value(s.silent())
                .name("rmsMean").value(s.rmsMean())
                .name("rmsMax").value(s.rmsMax())
                .name("centroidMeanHz").value(s.centroidMeanHz())
                .name("lowMean").value(s.lowMean())
                .name("midMean").value(s.midMean())
                .name("highMean").value(s.highMean())
                .name("onsetMean").value(s.onsetMean())
                .name("fluxMean").value(s.fluxMean())
                .name("dcOffset").value(s.dcOffset())
                .name("clippedRatio").value(s.clippedRatio())
                .endObject();
    }
}
