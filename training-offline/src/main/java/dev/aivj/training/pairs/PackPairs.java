package dev.aivj.training.pairs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a pack's {@code pairs-manifest.json} (and, if given, its {@code pairs-quality.v0.json}, merged by pair
 * number as the web player does) into {@link PresetPair}s of source {@link PairSource#PACK}. Each manifest pair is
 * an accepted row; a quality entry whose pair is not in the manifest is a rejected row. Origins name the manifest
 * file with line 0 (the strict manifest reader does not keep per-pair lines).
 */
public final class PackPairs {
    private PackPairs() {
    }

    public static ImportResult merge(String manifestFile, PairsManifest manifest, String qualityFile,
            PairsQuality quality) {
        ImportReport report = new ImportReport(manifestFile);
        Map<Integer, Double> q = new HashMap<>();
        if (quality != null) {
            for (PairQuality pq : quality.pairs()) {
                q.put(pq.pair(), pq.quality01());
            }
        }
        List<PresetPair> out = new ArrayList<>();
        for (ManifestPair mp : manifest.pairs()) {
            out.add(new PresetPair(mp.pair(), mp.fgUrl(), mp.bgUrl(), null, null, q.remove(mp.pair()), List.of(),
                    PairSource.PACK, new RowOrigin(manifestFile, 0)));
            report.accepted();
        }
        if (quality != null) {
            for (PairQuality pq : quality.pairs()) {
                if (q.containsKey(pq.pair())) {
                    report.rejected(qualityFile, 0, "quality for pair " + pq.pair() + ", which is not in the "
                            + "manifest");
                }
            }
        }
        return new ImportResult(out, report);
    }
}
