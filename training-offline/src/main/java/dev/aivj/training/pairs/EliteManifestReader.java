package dev.aivj.training.pairs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the elite golden set, {@code AIVJ_FINAL_ELITE/AIVJ_FINAL_ELITE_MANIFEST.json}.
 *
 * <p>The file is either an array of entries or an object holding that array under {@code pairs},
 * {@code entries}, {@code items} or {@code data} (other top-level fields, such as a version, are skipped). Each
 * entry is read with {@link PairFields}' spellings. The file is streamed with Jackson's {@link JsonParser}, so
 * every rejected entry is reported with the line its object starts on. A file that breaks off (truncated JSON)
 * keeps the entries before the break, and the break is reported as one rejected row at the line where the parser
 * stopped. Pair numbers must be unique: a repeated one is rejected, naming the line of the first.
 */
public final class EliteManifestReader {
    /** Top-level object fields that may hold the pair array, in order of preference. */
    public static final List<String> ARRAY_FIELDS = List.of("pairs", "entries", "items", "data");

    private final ObjectMapper mapper = new ObjectMapper();

    public ImportResult read(Path manifest) throws IOException {
        return read(manifest, PairSource.ELITE);
    }

    /**
     * Reads any manifest of this shape, its rows marked as {@code source}: also a pack's {@code pairs-manifest.json}
     * (an object with {@code pairs}), read tolerantly so that one bad row is reported and the others kept.
     */
    public ImportResult read(Path manifest, PairSource source) throws IOException {
        if (!Files.isRegularFile(manifest)) {
            throw new NoSuchFileException(manifest.toString());
        }
        String file = manifest.toString();
        ImportReport report = new ImportReport(file);
        List<PresetPair> pairs = new ArrayList<>();
        Map<Integer, Integer> firstLine = new HashMap<>();
        try (JsonParser p = mapper.createParser(manifest.toFile())) {
            JsonToken t = p.nextToken();
            if (t == null) {
                report.rejected(file, 1, "empty file: no JSON value");
            } else if (t == JsonToken.START_ARRAY) {
                readArray(p, file, pairs, firstLine, report, source);
            } else if (t == JsonToken.START_OBJECT) {
                int objectLine = line(p);
                String used = null;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    int fieldLine = line(p);
                    t = p.nextToken();
                    boolean candidate = ARRAY_FIELDS.contains(PairFields.normal(name));
                    if (candidate && t == JsonToken.START_ARRAY && used == null) {
                        used = name;
                        readArray(p, file, pairs, firstLine, report, source);
                    } else {
                        if (candidate) {
                            report.rejected(file, fieldLine, used == null
                                    ? "\"" + name + "\" is not an array"
                                    : "second pair array \"" + name + "\" not read: the manifest's pairs were "
                                            + "already taken from \"" + used + "\"");
                        }
                        p.skipChildren();
                    }
                }
                if (used == null) {
                    report.rejected(file, objectLine, "no pair array: expected a top-level array or an object "
                            + "with one of " + ARRAY_FIELDS);
                }
            } else {
                report.rejected(file, line(p), "top-level value is a " + t + ", neither an array nor an object");
            }
            if (t != null && p.nextToken() != null) {
                report.rejected(file, line(p), "unexpected content after the manifest's top-level value");
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            report.rejected(file, line, "malformed or truncated JSON, rest of file not read: "
                    + e.getOriginalMessage());
        }
        return new ImportResult(pairs, report);
    }

    private void readArray(JsonParser p, String file, List<PresetPair> pairs, Map<Integer, Integer> firstLine,
            ImportReport report, PairSource source) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected end of file inside the pair "
                        + "array");
            }
            int line = line(p);
            JsonNode node = p.readValueAsTree();
            try {
                PresetPair pair = PairFields.pair(node, source, new RowOrigin(file, line), report);
                Integer first = firstLine.putIfAbsent(pair.pair(), line);
                if (first != null) {
                    throw new BadRowException("duplicate pair " + pair.pair() + " (first at line " + first + ")");
                }
                pairs.add(pair);
                report.accepted();
            } catch (BadRowException e) {
                report.rejected(file, line, e.getMessage());
            }
        }
    }

    private static int line(JsonParser p) {
        return Math.max(0, p.currentTokenLocation().getLineNr());
    }
}
