package dev.aivj.web.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What the page measured (web/timings/): milliseconds per stage, as posted to {@code /metrics/report}: a song's
 * stages after it was analysed, or the pairing of a preset the viewer brought. At least one stage.
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
        DECODED_TO_FIRST_FRAME("decodedToFirstFrameMs", "decoded_to_first_frame"),
        /**
         * A preset the viewer brought, measured and paired with the library by the engine's coupling model
         * (Show.addOwnPreset's round trip; a worker's first one includes loading the model): the live counterpart of
         * the release gate's pairing latency.
         */
        PAIRING("pairingMs", "pairing");

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
        if (millis.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one stage");
        }
        millis = Collections.unmodifiableMap(new EnumMap<>(millis));
    }

    /** The engine stage's milliseconds, if this report has it (a song's report does, a pairing's does not). */
    public OptionalDouble engineMs() {
        Double ms = millis.get(Stage.ENGINE);
        return ms == null ? OptionalDouble.empty() : OptionalDouble.of(ms);
    }
}
