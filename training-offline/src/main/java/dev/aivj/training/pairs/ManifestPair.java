package dev.aivj.training.pairs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.List;

/**
 * One entry of {@code pairs-manifest.json}'s {@code pairs} array.
 *
 * @param pair     pair number (the key {@code pairs-quality.v0.json} is merged by)
 * @param fgUrl    the foreground preset's URL in the pack
 * @param bgUrl    the background preset's URL in the pack
 * @param warpDiff {@code warp_diff}, or null when the entry has none (then it is not written)
 * @param cxDiff   {@code cx_diff}, or null when the entry has none (then it is not written)
 * @param extra    any further fields, kept in file order so that reading then writing loses nothing
 */
public record ManifestPair(int pair, String fgUrl, String bgUrl, Double warpDiff, Double cxDiff,
        Map<String, JsonNode> extra) {
    /** Field names, in the order the team writes them. */
    public static final List<String> FIELDS = List.of("pair", "fgUrl", "bgUrl", "warp_diff", "cx_diff");

    public ManifestPair {
        Objects.requireNonNull(fgUrl, "fgUrl");
        Objects.requireNonNull(bgUrl, "bgUrl");
        extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
        for (String k : extra.keySet()) {
            if (FIELDS.contains(k)) {
                throw new IllegalArgumentException("extra field \"" + k + "\" is a named field");
            }
        }
    }

    public ManifestPair(int pair, String fgUrl, String bgUrl, Double warpDiff, Double cxDiff) {
        this(pair, fgUrl, bgUrl, warpDiff, cxDiff, Map.of());
    }
}
