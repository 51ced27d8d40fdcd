package dev.aivj.training.coupling;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aivj.training.pairs.ManifestPair;
import dev.aivj.training.pairs.PairsManifest;
import dev.aivj.training.pairs.PairsManifestReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scored pairs of one pack joined with the two presets' vectors. A pair's presets are named by its {@code fg}
 * and {@code bg} fields when it has them (the bootstrap set does), else by the URL (
 * {@code /presets/projectm/<pack>/<slug>.milk} → {@code <pack>/<slug>}). Its score comes from {@code score}, or
 * 5 × {@code quality01}; its rank from {@code rank}, else from the score order. The elite set is every pair of the
 * elite manifest (matched by fg and bg). A pair without a score or whose presets have no vector is not dropped
 * silently: it is listed in {@link Loaded#skipped()} with the reason.
 */
public final class CouplingPairs {
    /** Pairs ready for training, plus the rows that could not be used and why. */
    public record Loaded(String pack, List<CouplingExample> pairs, List<String> skipped) {
    }

    private CouplingPairs() {
    }

    public static Loaded load(Path pairsManifest, Path eliteManifest, Map<String, float[]> vectors)
            throws IOException {
        PairsManifest all = new PairsManifestReader().read(pairsManifest);
        Set<String> elite = new HashSet<>();
        if (eliteManifest != null) {
            for (ManifestPair p : new PairsManifestReader().read(eliteManifest).pairs()) {
                elite.add(presetId(p, "fg", p.fgUrl()) + "|" + presetId(p, "bg", p.bgUrl()));
            }
        }
        List<String> skipped = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (ManifestPair p : all.pairs()) {
            String where = pairsManifest + ": pair " + p.pair();
            String fg = presetId(p, "fg", p.fgUrl());
            String bg = presetId(p, "bg", p.bgUrl());
            Double score = score(p);
            if (score == null) {
                skipped.add(where + ": no score or quality01");
            } else if (!vectors.containsKey(fg)) {
                skipped.add(where + ": preset " + fg + " has no measured vector");
            } else if (!vectors.containsKey(bg)) {
                skipped.add(where + ": preset " + bg + " has no measured vector");
            } else {
                JsonNode rank = p.extra().get("rank");
                rows.add(new Row(p.pair(), fg, bg, score, rank != null && rank.canConvertToInt() ? rank.asInt() : 0));
            }
        }
        rows.sort(Comparator.comparingInt((Row r) -> r.rank == 0 ? Integer.MAX_VALUE : r.rank)
                .thenComparing(Comparator.comparingDouble((Row r) -> r.score).reversed())
                .thenComparingInt(r -> r.pair));
        List<CouplingExample> out = new ArrayList<>();
        int n = rows.size();
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            int rank = i + 1; // dense ranks over the usable rows, in the pack's own order
            float target = n == 1 ? 1f : 1f - (float) (rank - 1) / (n - 1);
            out.add(new CouplingExample(r.pair, r.fg, r.bg, (float) r.score, rank, target,
                    elite.contains(r.fg + "|" + r.bg), vectors.get(r.fg), vectors.get(r.bg)));
        }
        return new Loaded(all.pack(), out, skipped);
    }

    private record Row(int pair, String fg, String bg, double score, int rank) {
    }

    private static Double score(ManifestPair p) {
        JsonNode s = p.extra().get("score");
        if (s != null && s.isNumber()) {
            return s.asDouble();
        }
        JsonNode q = p.extra().get("quality01");
        return q != null && q.isNumber() ? 5 * q.asDouble() : null;
    }

    /** The library id of a pair's preset: its explicit id field, else derived from the URL. */
    public static String presetId(ManifestPair p, String field, String url) {
        JsonNode id = p.extra().get(field);
        if (id != null && id.isTextual()) {
            return id.asText();
        }
        String u = url.replaceFirst("^/presets/projectm/", "").replaceFirst("^/presets/", "");
        return u.endsWith(".milk") ? u.substring(0, u.length() - 5) : u;
    }
}
