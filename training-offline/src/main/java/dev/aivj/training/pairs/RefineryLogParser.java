package dev.aivj.training.pairs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses lines of the refinery's {@code refinery_v2_*.log}. The team never documented the format, so this parser
 * defines a tolerant one. A line is an event if it is either
 * <ul>
 * <li>a JSON object (the line, trimmed, starts with <code>{</code>) with a pair number ({@code pair}/{@code id})
 *     and a {@code score} and/or a {@code rank}, optionally a {@code ts}/{@code timestamp}; or</li>
 * <li>text holding {@code key=value} tokens: {@code pair=N} (or {@code id=N}) and at least one of
 *     {@code score=X}, {@code rank=Y}, optionally {@code ts=yyyymmdd_hhmmss}. Other text on the line (a date,
 *     a log level, a message) is ignored. A token starts the line or follows a character that is not a letter,
 *     digit, {@code _} or {@code .}, so {@code old_score=3} is not a score; a value runs to the next space,
 *     comma, semicolon, closing bracket or quote, and may be wrapped in double quotes.</li>
 * </ul>
 * Anything else — including a key given twice with different values, or a value that is not a number — is
 * not an event and the scanner reports it as unreadable with its line number. Blank lines are not rows.
 */
public final class RefineryLogParser {
    private static final Pattern TOKEN = Pattern.compile(
            "(?<![\\w.])(pair|id|score|rank|ts|timestamp)=\"?([^\\s,;\\])}\"]+)\"?");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{8}_\\d{6}");
    private static final List<String> TS = List.of("ts", "timestamp");

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The event on {@code text}, or throws with the reason the line is not one. */
    RefineryLogEvent parse(String text, RowOrigin origin) throws BadRowException {
        String t = text.strip();
        return t.startsWith("{") ? json(t, origin) : keyValues(t, origin);
    }

    private RefineryLogEvent json(String t, RowOrigin origin) throws BadRowException {
        JsonNode node;
        try {
            node = mapper.readTree(t);
        } catch (JsonProcessingException e) {
            throw new BadRowException("malformed JSON event: " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw new BadRowException("JSON line is not an object");
        }
        Integer pair = PairFields.integer(node, PairFields.PAIR);
        Double score = PairFields.number(node, PairFields.SCORE);
        Integer rank = PairFields.integer(node, PairFields.RANK);
        String ts = PairFields.text(node, TS);
        return event(pair, ts, score, rank, origin);
    }

    private RefineryLogEvent keyValues(String t, RowOrigin origin) throws BadRowException {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = TOKEN.matcher(t);
        while (m.find()) {
            String key = switch (m.group(1)) {
                case "id" -> "pair";
                case "timestamp" -> "ts";
                default -> m.group(1);
            };
            String old = values.putIfAbsent(key, m.group(2));
            if (old != null && !old.equals(m.group(2))) {
                throw new BadRowException("conflicting " + key + "=" + old + " and " + key + "=" + m.group(2));
            }
        }
        if (values.isEmpty()) {
            throw new BadRowException("not a score/rank event (no pair=N with score=X or rank=Y): \""
                    + PairFields.abbreviate(t) + "\"");
        }
        Integer pair = values.containsKey("pair") ? PairFields.parseInteger("pair", values.get("pair")) : null;
        Double score = values.containsKey("score") ? PairFields.parseNumber("score", values.get("score")) : null;
        Integer rank = values.containsKey("rank") ? PairFields.parseInteger("rank", values.get("rank")) : null;
        return event(pair, values.get("ts"), score, rank, origin);
    }

    private static RefineryLogEvent event(Integer pair, String ts, Double score, Integer rank, RowOrigin origin)
            throws BadRowException {
        if (pair == null) {
            throw new BadRowException("event without pair=N");
        }
        if (pair < 0) {
            throw new BadRowException("negative pair number " + pair);
        }
        if (score == null && rank == null) {
            throw new BadRowException("event for pair " + pair + " has neither score nor rank");
        }
        if (rank != null && rank < 0) {
            throw new BadRowException("negative rank " + rank);
        }
        if (ts != null && !TIMESTAMP.matcher(ts).matches()) {
            throw new BadRowException("timestamp \"" + ts + "\" is not yyyymmdd_hhmmss");
        }
        return new RefineryLogEvent(pair, ts, score, rank, origin);
    }
}
