package dev.aivj.training.pairs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A preset pack's {@code pairs-manifest.json}, the web player's runtime contract (shared/DATA-FORMATS.md).
 *
 * @param version       format version, {@code "v0"}
 * @param generatedAt   ISO-8601 time with offset, kept as text so that it round-trips exactly
 *                      (see {@link #timestamp(OffsetDateTime)})
 * @param pack          the pack's name
 * @param generatedFrom how the pairs were chosen (free text)
 * @param keptPairs     number of pairs kept; the writer requires it to equal {@code pairs.size()}
 * @param totalPairs    number of pairs the filter looked at
 * @param pairs         the kept pairs
 * @param extra         further top-level fields, kept in file order (written after {@code totalPairs})
 */
public record PairsManifest(String version, String generatedAt, String pack, String generatedFrom, int keptPairs,
        int totalPairs, List<ManifestPair> pairs, Map<String, JsonNode> extra) {
    public static final String VERSION = "v0";
    /** Top-level field names, in the order the team writes them. */
    public static final List<String> FIELDS = List.of("version", "generatedAt", "pack", "generatedFrom",
            "keptPairs", "totalPairs", "pairs");

    public PairsManifest {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(generatedFrom, "generatedFrom");
        pairs = List.copyOf(pairs);
        extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
        for (String k : extra.keySet()) {
            if (FIELDS.contains(k)) {
                throw new IllegalArgumentException("extra field \"" + k + "\" is a named field");
            }
        }
    }

    /** A manifest of {@code pairs}, with {@code keptPairs = pairs.size()}. */
    public static PairsManifest of(String generatedAt, String pack, String generatedFrom, int totalPairs,
            List<ManifestPair> pairs) {
        return new PairsManifest(VERSION, generatedAt, pack, generatedFrom, pairs.size(), totalPairs, pairs,
                Map.of());
    }

    /** {@code generatedAt} text in the team's form, to whole seconds: {@code 2026-02-18T23:14:59+08:00}. */
    public static String timestamp(OffsetDateTime t) {
        return t.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
