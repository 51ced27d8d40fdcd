package dev.aivj.training.pairs.parquet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.aivj.training.pairs.ManifestPair;
import dev.aivj.training.pairs.PairQuality;
import dev.aivj.training.pairs.PairSource;
import dev.aivj.training.pairs.PairsManifest;
import dev.aivj.training.pairs.PairsQuality;
import dev.aivj.training.pairs.PresetPair;
import dev.aivj.training.pairs.RowOrigin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pair rows in the team's JSON, for comparing with the Parquet store: {@code pairs-manifest.json} with each row's
 * fields that the format has no name for ({@code score, rank, style, source, origin_file, origin_line}) as the
 * extra per-pair fields the format allows and the reader keeps, and {@code quality01} in
 * {@code pairs-quality.v0.json}, merged by pair number as the web player does. So both stores hold the same rows
 * and read back to equal lists. The format merges by pair number, so the pair numbers must be unique.
 */
public final class PairsJsonForm {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private PairsJsonForm() {
    }

    public static PairsManifest manifest(List<PresetPair> rows, String pack, String generatedAt,
            String generatedFrom) {
        List<ManifestPair> pairs = new ArrayList<>(rows.size());
        for (PresetPair r : rows) {
            Map<String, JsonNode> extra = new LinkedHashMap<>();
            if (r.score() != null) {
                extra.put("score", JSON.numberNode(r.score()));
            }
            if (r.rank() != null) {
                extra.put("rank", JSON.numberNode(r.rank()));
            }
            ArrayNode style = JSON.arrayNode();
            r.styleTags().forEach(style::add);
            extra.put("style", style);
            extra.put("source", JSON.textNode(r.source().name()));
            extra.put("origin_file", JSON.textNode(r.origin().file()));
            extra.put("origin_line", JSON.numberNode(r.origin().line()));
            pairs.add(new ManifestPair(r.pair(), r.fg(), r.bg(), null, null, extra));
        }
        return PairsManifest.of(generatedAt, pack, generatedFrom, rows.size(), pairs);
    }

    /** The rows' qualities, or null when no row has one (the file then is not written). */
    public static PairsQuality quality(List<PresetPair> rows) {
        List<PairQuality> q = rows.stream().filter(r -> r.quality01() != null)
                .map(r -> new PairQuality(r.pair(), r.quality01())).toList();
        return q.isEmpty() ? null : PairsQuality.of(q);
    }

    /** The rows back from the two files ({@code quality} may be null). */
    public static List<PresetPair> rows(PairsManifest manifest, PairsQuality quality) {
        Map<Integer, Double> q = new HashMap<>();
        if (quality != null) {
            for (PairQuality pq : quality.pairs()) {
                q.put(pq.pair(), pq.quality01());
            }
        }
        List<PresetPair> out = new ArrayList<>(manifest.pairs().size());
        for (ManifestPair m : manifest.pairs()) {
            Map<String, JsonNode> x = m.extra();
            List<String> style = new ArrayList<>();
            x.getOrDefault("style", JSON.arrayNode()).forEach(t -> style.add(t.textValue()));
            JsonNode score = x.get("score");
            JsonNode rank = x.get("rank");
            out.add(new PresetPair(m.pair(), m.fgUrl(), m.bgUrl(), score == null ? null : score.doubleValue(),
                    rank == null ? null : rank.intValue(), q.get(m.pair()), style,
                    PairSource.valueOf(x.get("source").textValue()),
                    new RowOrigin(x.get("origin_file").textValue(), x.get("origin_line").intValue())));
        }
        return out;
    }
}
