package dev.aivj.training.pairs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code pairs-quality.v0.json} strictly: exactly the fields {@code pairs} ({@code pair} int,
 * {@code quality01} number in [0, 1]) and {@code qualityStats} ({@code std, p50, p95, min, max}), any order;
 * an unknown or missing field, a repeated pair or a malformed value is a {@link PairsFormatException} with file
 * and line. It does NOT apply the std gate, so a rejected model's file can still be inspected
 * ({@link QualityStats#passesGate()}).
 */
public final class PairsQualityReader {

    public PairsQuality read(Path path) throws IOException {
        String file = path.toString();
        try (JsonParser p = JsonFiles.parser(path)) {
            JsonFiles.expect(file, p, p.nextToken(), JsonToken.START_OBJECT, "pairs-quality.v0.json");
            int objectLine = JsonFiles.line(p);
            List<PairQuality> pairs = null;
            QualityStats stats = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "pairs" -> pairs = pairs(file, p);
                    case "qualityStats" -> stats = stats(file, p);
                    default -> throw JsonFiles.error(file, p, "unknown field \"" + name + "\"");
                }
            }
            if (pairs == null || stats == null) {
                throw new PairsFormatException(file, objectLine, "missing top-level field \""
                        + (pairs == null ? "pairs" : "qualityStats") + "\"");
            }
            if (p.nextToken() != null) {
                throw JsonFiles.error(file, p, "unexpected content after the top-level object");
            }
            return new PairsQuality(pairs, stats);
        } catch (JsonProcessingException e) {
            throw new PairsFormatException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static List<PairQuality> pairs(String file, JsonParser p) throws IOException {
        JsonFiles.expect(file, p, p.currentToken(), JsonToken.START_ARRAY, "pairs");
        List<PairQuality> out = new ArrayList<>();
        Map<Integer, Integer> firstLine = new HashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            JsonFiles.expect(file, p, t, JsonToken.START_OBJECT, "a pairs entry");
            int line = JsonFiles.line(p);
            Integer pair = null;
            Double q = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "pair" -> pair = JsonFiles.integer(file, p, name);
                    case "quality01" -> q = JsonFiles.number(file, p, name);
                    default -> throw JsonFiles.error(file, p, "unknown pairs field \"" + name + "\"");
                }
            }
            if (pair == null || q == null) {
                throw new PairsFormatException(file, line, "pairs entry lacks \""
                        + (pair == null ? "pair" : "quality01") + "\"");
            }
            if (!(q >= 0 && q <= 1)) {
                throw new PairsFormatException(file, line, "quality01 " + q + " of pair " + pair
                        + " is outside [0, 1]");
            }
            Integer first = firstLine.putIfAbsent(pair, line);
            if (first != null) {
                throw new PairsFormatException(file, line, "duplicate pair " + pair + " (first at line " + first
                        + ")");
            }
            out.add(new PairQuality(pair, q));
        }
        return out;
    }

    private static QualityStats stats(String file, JsonParser p) throws IOException {
        JsonFiles.expect(file, p, p.currentToken(), JsonToken.START_OBJECT, "qualityStats");
        int line = JsonFiles.line(p);
        Map<String, Double> v = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (!PairsQuality.STATS_FIELDS.contains(name)) {
                throw JsonFiles.error(file, p, "unknown qualityStats field \"" + name + "\"");
            }
            v.put(name, JsonFiles.number(file, p, "qualityStats." + name));
        }
        for (String f : PairsQuality.STATS_FIELDS) {
            if (!v.containsKey(f)) {
                throw new PairsFormatException(file, line, "qualityStats lacks \"" + f + "\"");
            }
        }
        return new QualityStats(v.get("std"), v.get("p50"), v.get("p95"), v.get("min"), v.get("max"));
    }
}
