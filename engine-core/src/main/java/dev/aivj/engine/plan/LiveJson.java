package dev.aivj.engine.plan;

import dev.aivj.engine.features.Tempo;
import dev.aivj.engine.json.JsonWriter;
import dev.aivj.engine.live.StyleReading;
import java.util.List;

/** The pieces a live show's JSON and a streamed set's JSON ({@link SetPlanJson}) share. */
public final class LiveJson {
    private LiveJson() {
    }

    /** {@code {bpm, confidence}}, or {@code null} without a tempo. */
    public static JsonWriter tempo(JsonWriter w, Tempo tempo) {
        if (tempo.bpm() <= 0) {
            return w.nullValue();
        }
        return w.beginObject().name("bpm").value(tempo.bpm()).name("confidence").value(tempo.confidence()).endObject();
    }

    /** {@code [{seconds, style, confidence}, ...]}. */
    public static JsonWriter readings(JsonWriter w, List<StyleReading> readings) {
        w.beginArray();
        for (StyleReading r : readings) {
            w.beginObject().name("seconds").value(r.seconds()).name("style").value(r.style()).name("confidence")
                    .value(r.confidence()).endObject();
        }
        return w.endArray();
    }
}
