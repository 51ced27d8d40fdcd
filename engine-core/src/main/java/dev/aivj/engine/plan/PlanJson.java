package dev.aivj.engine.plan;

import dev.aivj.engine.analysis.AnalysisResult;
import dev.aivj.engine.analysis.SongStyle;
import dev.aivj.engine.analysis.SongSummary;
import dev.aivj.engine.AnalysisSettings;
import dev.aivj.engine.EngineInfo;
import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.json.JsonWriter;
import dev.aivj.engine.mix.LayerMix;
import dev.aivj.engine.model.ModelOutput;
import dev.aivj.engine.model.VisualParameters;
import dev.aivj.engine.recommend.FeatureContribution;
import dev.aivj.engine.recommend.MusicSection;
import dev.aivj.engine.recommend.PairChoice;
import dev.aivj.engine.recommend.PickReason;
import java.util.List;

/**
 * The JSON form of a {@link SongPlan}, identical on the JVM and in WebAssembly (the CLI, the page's worker and the
 * widget all print this). Frame arrays hold one value per frame, frame i at i / frameRate seconds. The log-mel
 * spectrogram is optional because it is large (64 numbers per frame).
 *
 * <p>With a {@link SongStyle} (a music model was loaded) the object also has {@code style}:
 * {@code {label, reason, confidence, probabilities: {label: p}, stepSeconds, steps, minSegmentSeconds}}
 * ({@code label} is {@code null} when the song is shorter than one model step; a song without enough signal
 * ({@link dev.aivj.engine.analysis.SignalGate}) has {@code label "none"}, {@code reason "silence: ..."},
 * {@code confidence null} and every probability {@code null}; {@code reason} is {@code null} otherwise) and
 * {@code segments}: an array of {@code {start, end, style, reason, confidence, visual: {layerAOpacity, ...,
 * temporalWeight}}} (seconds; visual values in the units of {@link VisualParameters}; a stretch without signal has
 * {@code style "none"}, its {@code reason} and {@code confidence null}). The full form (with log-mel) additionally
 * carries the raw per-step model output as {@code modelSteps: {labels, style: [steps × labels], visual: [steps ×
 * 9, 0..1]}}, for parity tests.
 *
 * <p>With pairs (a pair library was loaded) it has {@code pairs}: one object per section, {@code {start, end, fg,
 * bg, fgUrl, bgUrl, quality, w_s, w_t, score, style, reason, explored, why, mix}} (seconds; fg/bg preset ids; style null
 * without a music model, "none" for a silent section; reason "start", "silence", "style", "energy" or "texture":
 * why the section begins there; mix: {@code {blendMode, fgOpacity, bgOpacity, transitionSeconds, followSeconds}},
 * the numbers the page and the widget apply, see {@link LayerMix}; why: the pick's {@link PickReason}).
 */
public final class PlanJson {
    private PlanJson() {
    }

    /** The plan as one JSON object. */
    public static String write(SongPlan plan, boolean includeLogMel) {
        JsonWriter w = new JsonWriter().beginObject();
        writeFields(w, plan, includeLogMel);
        return w.endObject().toString();
    }

    /** The plan's members, written into an object the caller has begun (so it can add its own around them). */
    public static void writeFields(JsonWriter w, SongPlan plan, boolean includeLogMel) {
        AnalysisResult r = plan.analysis();
        FrameFeatures f = r.frames();
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
        if (plan.style() != null) {
            writeStyle(w, plan.style(), includeLogMel);
        }
        if (plan.pairs() != null) {
            writePairs(w, plan.pairs(), plan.mixes());
        }
    }

    private static void writePairs(JsonWriter w, List<PairChoice> pairs, List<LayerMix> mixes) {
        w.name("pairs").beginArray();
        for (int i = 0; i < pairs.size(); i++) {
            writePair(w.beginObject(), pairs.get(i), mixes.get(i));
            w.endObject();
        }
        w.endArray();
    }

    /**
     * A pair's fields into the open object: start, end, fg, bg, fgUrl, bgUrl, quality, w_s, w_t, score, style,
     * reason, explored, why, mix (a plan's pairs, and a live show's pair as it is chosen).
     */
    public static void writePair(JsonWriter w, PairChoice c, LayerMix m) {
        w.name("start").value(c.section().start()).name("end").value(c.section().end())
                .name("fg").value(c.pair().fg()).name("bg").value(c.pair().bg())
                .name("fgUrl").value(c.pair().fgUrl()).name("bgUrl").value(c.pair().bgUrl())
                .name("quality").value(c.pair().quality()).name("w_s").value(c.pair().ws())
                .name("w_t").value(c.pair().wt()).name("score").value(c.score()).name("style")
                .valueOrNull(c.section().style());
        w.name("reason").value(c.section().reason()).name("explored").value(c.explored());
        writeWhy(w, c.why(), c.section());
        w.name("mix").beginObject().name("blendMode").value(m.blendMode()).name("fgOpacity").value(m.fgOpacity())
                .name("bgOpacity").value(m.bgOpacity()).name("transitionSeconds").value(m.transitionSeconds())
                .name("followSeconds").value(m.followSeconds()).endObject();
    }

    /**
     * why: {policy, rank, candidates, preference, exploration, energy (the section's: its target motion), features:
     * [x], because: [{feature, value}]}.
     */
    private static void writeWhy(JsonWriter w, PickReason why, MusicSection section) {
        double energy = section.target() == null ? 0 : section.target()[0];
        w.name("why").beginObject().name("policy").value(why.policy()).name("rank").value(why.rank())
                .name("energy").value(energy)
                .name("candidates").value(why.candidates()).name("preference").value(why.preference())
                .name("exploration").value(why.exploration()).name("features").array(why.features())
                .name("because").beginArray();
        for (FeatureContribution f : why.because()) {
            w.beginObject().name("feature").value(f.feature()).name("value").value(f.value()).endObject();
        }
        w.endArray().endObject();
    }

    private static void writeStyle(JsonWriter w, SongStyle style, boolean includeSteps) {
        String[] labels = style.labels();
        double[] p = style.probabilities();
        w.name("style").beginObject();
        boolean none = style.reason() != null;
        w.name("label");
        if (none) {
            w.value(SongStyle.NONE);
        } else if (style.label() == null) {
            w.nullValue();
        } else {
            w.value(style.label());
        }
        w.name("reason").valueOrNull(style.reason());
        w.name("confidence");
        if (none) {
            w.nullValue();
        } else {
            w.value(style.confidence());
        }
        w.name("probabilities").beginObject();
        for (int i = 0; i < labels.length; i++) {
            w.name(labels[i]);
            if (none) {
                w.nullValue();
            } else {
                w.value(p[i]);
            }
        }
        w.endObject();
        w.name("stepSeconds").value(style.output().stepSeconds());
        w.name("steps").value(style.output().steps());
        w.name("minSegmentSeconds").value(SongStyle.MIN_SEGMENT_SECONDS);
        w.endObject();
        w.name("segments").beginArray();
        for (SongStyle.Segment s : style.segments()) {
            w.beginObject()
                    .name("start").value(s.start())
                    .name("end").value(s.end())
                    .name("style").value(s.style());
            w.name("reason").valueOrNull(s.reason());
            w.name("confidence");
            if (s.none()) {
                w.nullValue();
            } else {
                w.value(s.confidence());
            }
            w.name("visual").beginObject();
            for (int v = 0; v < VisualParameters.COUNT; v++) {
                w.name(VisualParameters.get(v).name()).value(s.visual(v));
            }
            w.endObject().endObject();
        }
        w.endArray();
        if (includeSteps) {
            ModelOutput out = style.output();
            w.name("modelSteps").beginObject().name("labels").beginArray();
            for (String l : labels) {
                w.value(l);
            }
            w.endArray()
                    .name("style").array(out.styleProbabilities())
                    .name("visual").array(out.visualParameters())
                    .endObject();
        }
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
