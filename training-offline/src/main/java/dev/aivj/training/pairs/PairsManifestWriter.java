package dev.aivj.training.pairs;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes a pack's {@code pairs-manifest.json} in the team's exact form: top-level fields {@code version,
 * generatedAt, pack, generatedFrom, keptPairs, totalPairs}, any extra fields, then {@code pairs}; each pair
 * {@code pair, fgUrl, bgUrl, warp_diff, cx_diff} (the last two only when known), then its extra fields. Compact
 * UTF-8 JSON with a final newline, written atomically.
 *
 * <p>Refuses (IllegalArgumentException, nothing written) a manifest whose {@code keptPairs} is not the number of
 * pairs, whose {@code totalPairs} is smaller than that, or with a repeated pair number — the player merges
 * quality by pair number, so a repeat would be ambiguous.
 */
public final class PairsManifestWriter {

    public void write(Path target, PairsManifest m) throws IOException {
        if (m.keptPairs() != m.pairs().size()) {
            throw new IllegalArgumentException("keptPairs = " + m.keptPairs() + " but the manifest has "
                    + m.pairs().size() + " pairs");
        }
        if (m.totalPairs() < m.keptPairs()) {
            throw new IllegalArgumentException("totalPairs = " + m.totalPairs() + " < keptPairs = "
                    + m.keptPairs());
        }
        Set<Integer> seen = new HashSet<>();
        for (ManifestPair p : m.pairs()) {
            if (!seen.add(p.pair())) {
                throw new IllegalArgumentException("duplicate pair " + p.pair());
            }
            checkFinite(p.warpDiff(), "warp_diff", p.pair());
            checkFinite(p.cxDiff(), "cx_diff", p.pair());
        }
        JsonFiles.writeAtomically(target, g -> {
            g.writeStartObject();
            g.writeStringField("version", m.version());
            g.writeStringField("generatedAt", m.generatedAt());
            g.writeStringField("pack", m.pack());
            g.writeStringField("generatedFrom", m.generatedFrom());
            g.writeNumberField("keptPairs", m.keptPairs());
            g.writeNumberField("totalPairs", m.totalPairs());
            writeExtra(g, m.extra());
            g.writeArrayFieldStart("pairs");
            for (ManifestPair p : m.pairs()) {
                g.writeStartObject();
                g.writeNumberField("pair", p.pair());
                g.writeStringField("fgUrl", p.fgUrl());
                g.writeStringField("bgUrl", p.bgUrl());
                if (p.warpDiff() != null) {
                    g.writeNumberField("warp_diff", p.warpDiff());
                }
                if (p.cxDiff() != null) {
                    g.writeNumberField("cx_diff", p.cxDiff());
                }
                writeExtra(g, p.extra());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void checkFinite(Double v, String what, int pair) {
        if (v != null && !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " of pair " + pair + " is not finite: " + v);
        }
    }

    private static void writeExtra(JsonGenerator g, Map<String, JsonNode> extra) throws IOException {
        for (Map.Entry<String, JsonNode> e : extra.entrySet()) {
            g.writeFieldName(e.getKey());
            JsonFiles.MAPPER.writeTree(g, e.getValue());
        }
    }
}
