package dev.aivj.training.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes {@link FeedbackEvent}s as feedback-log lines, the fields in the page's order (features to 5 decimals). */
public final class FeedbackLogWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedbackLogWriter() {
    }

    public static String line(FeedbackEvent e) {
        ObjectNode o = JSON.createObjectNode().put("format", FeedbackEvent.FORMAT).put("installation", e.installation())
                .put("arm", e.arm()).put("session", e.session()).put("t", e.t()).put("event", e.event())
                .put("value", e.value());
        if (e.reward() == null) {
            o.putNull("reward");
        } else {
            o.put("reward", e.reward());
        }
        o.put("pair", e.pair());
        if (e.style() == null) {
            o.putNull("style");
        } else {
            o.put("style", e.style());
        }
        o.put("energy", Math.round(e.energy() * 1e5) / 1e5);
        ArrayNode f = o.putArray("features");
        for (double v : e.features()) {
            f.add(Math.round(v * 1e5) / 1e5);
        }
        o.put("modelVersion", e.modelVersion());
        if (e.simulated()) {
            o.put("simulated", true);
        }
        try {
            return JSON.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex); // a tree of plain values always serialises
        }
    }
}
