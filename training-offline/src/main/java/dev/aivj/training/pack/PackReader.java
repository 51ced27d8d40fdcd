package dev.aivj.training.pack;

import dev.aivj.training.pairs.DeepAlchemyReader;
import dev.aivj.training.pairs.EliteManifestReader;
import dev.aivj.training.pairs.ImportReport;
import dev.aivj.training.pairs.ImportResult;
import dev.aivj.training.pairs.PairSource;
import dev.aivj.training.pairs.PresetPair;
import dev.aivj.training.pairs.RefineryScanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the pairs of a pack folder in whichever of the team's layouts it is ({@link PackLayout}), with the
 * importers of {@code dev.aivj.training.pairs}: every row they cannot read is in the reports with file and line,
 * never dropped silently. A web player pack ({@code pairs-manifest.json}) is read tolerantly too (a bad row is
 * reported and the rest kept); an elite manifest beside it adds its scores, ranks and tags to the pairs of the
 * same number, and its other pairs as pairs of the pack.
 */
public final class PackReader {
    /** What the pack holds: its layout, its pairs, and one report per file or folder read. */
    public record Contents(PackLayout layout, List<PresetPair> pairs, List<ImportReport> reports) {
        public Contents {
            pairs = List.copyOf(pairs);
            reports = List.copyOf(reports);
        }
    }

    /** Reads {@code dir}; an IllegalArgumentException with one line when it is no pack of a known layout. */
    public Contents read(Path dir) throws IOException {
        PackLayout layout = PackLayout.detect(dir).orElseThrow(() -> new IllegalArgumentException(
                PackLayout.noneFound(dir)));
        List<ImportReport> reports = new ArrayList<>();
        List<PresetPair> pairs = switch (layout) {
            case WEB_PLAYER -> webPlayer(dir, reports);
            case ELITE -> add(new EliteManifestReader().read(PackLayout.eliteManifest(dir).orElseThrow()), reports);
            case DEEP_ALCHEMY -> add(new DeepAlchemyReader().read(dir.resolve(PackLayout.DEEP_ALCHEMY_MANIFEST)),
                    reports);
            case REFINERY -> add(new RefineryScanner().scan(dir), reports);
        };
        return new Contents(layout, pairs, reports);
    }

    private static List<PresetPair> add(ImportResult r, List<ImportReport> reports) {
        reports.add(r.report());
        return r.pairs();
    }

    private static List<PresetPair> webPlayer(Path dir, List<ImportReport> reports) throws IOException {
        List<PresetPair> pack = add(new EliteManifestReader().read(dir.resolve(PackLayout.WEB_MANIFEST),
                PairSource.PACK), reports);
        Optional<Path> eliteFile = PackLayout.eliteManifest(dir);
        if (eliteFile.isEmpty()) {
            return pack;
        }
        Map<Integer, PresetPair> byNumber = new LinkedHashMap<>();
        pack.forEach(p -> byNumber.put(p.pair(), p));
        for (PresetPair e : add(new EliteManifestReader().read(eliteFile.get()), reports)) {
            PresetPair p = byNumber.get(e.pair());
            if (p == null) {
                byNumber.put(e.pair(), e);
            } else {
                // The web manifest names the files; the elite entry adds what the team judged of the pair.
                byNumber.put(e.pair(), new PresetPair(p.pair(), p.fg(), p.bg(), e.score(), e.rank(),
                        e.quality01() != null ? e.quality01() : p.quality01(), e.styleTags(), PairSource.ELITE,
                        e.origin()));
            }
        }
        return new ArrayList<>(byNumber.values());
    }
}
