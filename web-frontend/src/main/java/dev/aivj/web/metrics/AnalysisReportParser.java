package dev.aivj.web.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.aivj.web.RequestRejected;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a report body strictly, token by token (no tree is built, so nesting or size cannot cost memory): one flat
 * JSON object whose fields are the known stages' milliseconds, each a finite number in range, each at most once,
 * nothing after it. Anything else is refused with the reason.
 */
public final class AnalysisReportParser {
    /** A report is a few short numbers (~200 bytes); 2 KiB leaves room without letting anyone post megabytes. */
    public static final int MAX_BYTES = 2048;
    /** An hour: no stage of a song (at most 20 minutes) takes longer; larger values are clock errors or lies. */
    static final double MAX_MS = 3_600_000;
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private AnalysisReportParser() {
    }

    public static AnalysisReport parse(byte[] body) throws RequestRejected {
        if (body.length > MAX_BYTES) {
            throw new RequestRejected(413, "report too large: " + body.length + " bytes, at most " + MAX_BYTES);
        }
        Map<AnalysisReport.Stage, Double> millis = new EnumMap<>(AnalysisReport.Stage.class);
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw bad("a report must be one JSON object");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                if (t != JsonToken.FIELD_NAME) {
                    throw bad("a report must be one JSON object"); // defensive: the parser guarantees field names
                }
                String name = p.currentName();
                AnalysisReport.Stage stage = stageOf(name);
                JsonToken value = p.nextToken();
                if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
                    throw bad("field " + quoted(name) + " must be a number of milliseconds");
                }
                double ms = p.getDoubleValue();
                if (!Double.isFinite(ms) || ms < 0 || ms > MAX_MS) {
                    throw bad(String.format(Locale.ROOT, "field %s out of range: must be 0..%.0f ms", quoted(name), MAX_MS));
                }
                if (millis.put(stage, ms) != null) {
                    throw bad("field " + quoted(name) + " appears twice");
                }
            }
            if (p.nextToken() != null) {
                throw bad("nothing may follow the report's object");
            }
        } catch (JsonProcessingException e) {
            throw bad("not valid JSON: " + shorten(e.getOriginalMessage()));
        } catch (IOException e) {
            throw bad("unreadable body: " + shorten(e.getMessage()));
        }
        if (millis.isEmpty()) {
            throw bad("a report needs at least one stage's milliseconds, e.g. \"engineMs\"");
        }
        return new AnalysisReport(millis);
    }

    private static AnalysisReport.Stage stageOf(String name) throws RequestRejected {
        for (AnalysisReport.Stage s : AnalysisReport.Stage.values()) {
            if (s.field().equals(name)) {
                return s;
            }
        }
        StringBuilder known = new StringBuilder();
        for (AnalysisReport.Stage s : AnalysisReport.Stage.values()) {
            known.append(known.length() == 0 ? "" : ", ").append(s.field());
        }
        throw bad("unknown field " + quoted(name) + " (known: " + known + ")");
    }

    private static RequestRejected bad(String message) {
        return new RequestRejected(400, message);
    }

    /** A client's text echoed back: short, printable ASCII only. */
    private static String quoted(String s) {
        return "\"" + shorten(s) + "\"";
    }

    private static String shorten(String s) {
        if (s == null) {
            return "";
        }
        String clean = s.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() > 80 ? clean.substring(0, 80) + "..." : clean;
    }
}
