package dev.aivj.web.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the page measured for one song (web/metrics/song-timings.js): milliseconds per stage, as posted to
 * {@code /metrics/report}. The engine stage is always there; the others when the page saw them.
 */
public record AnalysisReport(Map<Stage, Double> millis) {

    /** A measured stage, its JSON field and its {@code stage} label. */
    public enum Stage {
        /** The song decoded to the engine's rate (song/analysis-signal.js). */
        DECODE("decodeMs", "decode"),
        /** The engine's analysis in its worker (the worker's elapsedMs): the figure the rollback guard judges. */
        ENGINE("engineMs", "engine"),
        /** From posting the signal to the worker to its whole plan back (AnalysisClient.lastRun). */
        WORKER("workerMs", "worker"),
        /** From the end of decoding to the first plan on (the opening's, for a long song). */
        DECODED_TO_PLAN("decodedToPlanMs", "decoded_to_plan"),
        /** From the end of decoding to the first frame the layers drew on that plan. */
        DECODED_TO_FIRST_FRAME("decodedToFirstFrameMs", "decoded_to_first_frame");

        private final String field;
        private final String label;

        Stage(String field, String label) {
            this.field = field;
            this.label = label;
        }

        public String field() {
            return field;
        }

        public String label() {
            return label;
        }
    }

    public AnalysisReport {
        if (!millis.containsKey(Stage.ENGINE)) {
            throw new IllegalArgumentException("a report needs the engine stage");
        }
        millis = Collections.unmodifiableMap(new EnumMap<>(millis));
    }

    public double engineMs() {
        return millis.get(Stage.ENGINE);
    }
}
