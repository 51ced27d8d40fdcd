package dev.aivj.training.pairs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a pack's {@code pairs-manifest.json}. It is the web player's runtime contract, so the reader is strict:
 * all seven top-level fields must be there with their types ({@code keptPairs}, {@code totalPairs} integers;
 * {@code pairs} an array), every pair needs {@code pair} (int), {@code fgUrl} and {@code bgUrl} (strings);
 * {@code warp_diff} and {@code cx_diff} are optional numbers (or null). Unknown fields are kept in
 * {@code extra}. Pair numbers must be unique. Any breach is a {@link PairsFormatException} naming file and line.
 * {@code keptPairs} is not checked against the array's length here (the team's example elides pairs); the
 * writer checks it.
 */
public final class PairsManifestReader {

    public PairsManifest read(Path path) throws IOException {
        String file = path.toString();
        try (JsonParser p = JsonFiles.parser(path)) {
            JsonFiles.expect(file, p, p.nextToken(), JsonToken.START_OBJECT, "pairs-manifest.json");
            int objectLine = JsonFiles.line(p);
            String version = null;
            String generatedAt = null;
            String pack = null;
            String generatedFrom = null;
            Integer kept = null;
            Integer total = null;
            List<ManifestPair> pairs = null;
            Map<String, JsonNode> extra = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "version" -> version = JsonFiles.string(file, p, name);
                    case "generatedAt" -> generatedAt = JsonFiles.string(file, p, name);
                    case "pack" -> pack = JsonFiles.string(file, p, name);
                    case "generatedFrom" -> generatedFrom = JsonFiles.string(file, p, name);
                    case "keptPairs" -> kept = JsonFiles.integer(file, p, name);
                    case "totalPairs" -> total = JsonFiles.integer(file, p, name);
                    case "pairs" -> pairs = pairs(file, p);
                    default -> extra.put(name, p.readValueAsTree());
                }
            }
            for (String f : PairsManifest.FIELDS) {
                boolean missing = switch (f) {
                    case "version" -> version == null;
                    case "generatedAt" -> generatedAt == null;
                    case "pack" -> pack == null;
                    case "generatedFrom" -> generatedFrom == null;
                    case "keptPairs" -> kept == null;
                    case "totalPairs" -> total == null;
                    default -> pairs == null;
                };
                if (missing) {
                    throw new PairsFormatException(file, objectLine, "missing top-level field \"" + f + "\"");
                }
            }
            if (p.nextToken() != null) {
                throw JsonFiles.error(file, p, "unexpected content after the manifest object");
            }
            return new PairsManifest(version, generatedAt, pack, generatedFrom, kept, total, pairs, extra);
        } catch (JsonProcessingException e) {
            throw new PairsFormatException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static List<ManifestPair> pairs(String file, JsonParser p) throws IOException {
        JsonFiles.expect(file, p, p.currentToken(), JsonToken.START_ARRAY, "pairs");
        List<ManifestPair> out = new ArrayList<>();
        Map<Integer, Integer> firstLine = new HashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            JsonFiles.expect(file, p, t, JsonToken.START_OBJECT, "a pairs entry");
            int line = JsonFiles.line(p);
            Integer pair = null;
            String fg = null;
            String bg = null;
            Double warp = null;
            Double cx = null;
            Map<String, JsonNode> extra = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                t = p.nextToken();
                switch (name) {
                    case "pair" -> pair = JsonFiles.integer(file, p, name);
                    case "fgUrl" -> fg = JsonFiles.string(file, p, name);
                    case "bgUrl" -> bg = JsonFiles.string(file, p, name);
                    case "warp_diff" -> warp = t == JsonToken.VALUE_NULL ? null : JsonFiles.number(file, p, name);
                    case "cx_diff" -> cx = t == JsonToken.VALUE_NULL ? null : JsonFiles.number(file, p, name);
                    default -> extra.put(name, p.readValueAsTree());
                }
            }
            if (pair == null || fg == null || bg == null) {
                throw new PairsFormatException(file, line, "pairs entry lacks "
                        + (pair == null ? "\"pair\"" : fg == null ? "\"fgUrl\"" : "\"bgUrl\""));
            }
            Integer first = firstLine.putIfAbsent(pair, line);
            if (first != null) {
                throw new PairsFormatException(file, line, "duplicate pair " + pair + " (first at line " + first
                        + ")");
            }
            out.add(new ManifestPair(pair, fg, bg, warp, cx, extra));
        }
        return out;
    }
}
