package dev.aivj.export.coupling;

import dev.aivj.engine.coupling.CouplingModel;
import dev.aivj.presets.PresetLibrary;
import dev.aivj.training.coupling.CouplingPairs;
import dev.aivj.training.coupling.LibraryVectors;
import dev.aivj.training.pack.PackFolder;
import dev.aivj.training.pack.PackVectors;
import dev.aivj.training.pairs.ManifestPair;
import dev.aivj.training.pairs.PairQuality;
import dev.aivj.training.pairs.PairsManifest;
import dev.aivj.training.pairs.PairsManifestReader;
import dev.aivj.training.pairs.PairsQualityWriter;
import dev.aivj.training.pairs.QualityStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./aivj export-quality --pack DIR [--model DIR] [--status FILE] [--presets DIR]}: scores every pair of a
 * pack's {@code pairs-manifest.json} with the coupling model and writes the pack's {@code pairs-quality.v0.json}
 * in the team's format (quality01 = the model's quality). Refuses, writing nothing, when the scores' std is below
 * the team's gate of 0.03. A pair whose presets have no measured vector gets no quality; each is listed. A pack
 * imported by {@code ./aivj import-pack} is scored on its own measured presets.
 */
public final class QualityExporter {
    public static final Path DEFAULT_MODEL = Path.of("web-frontend/src/main/resources/web/models/coupling-v1");

    /** What was written. */
    public record Result(Path file, int scored, List<String> unscored, QualityStats stats) {
    }

    private QualityExporter() {
    }

    public static Result export(Path pack, CouplingModel model, Map<String, float[]> vectors) throws IOException {
        Path manifestFile = pack.resolve("pairs-manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            throw new IOException("no pairs-manifest.json in " + pack);
        }
        return export(manifestFile, pack.resolve("pairs-quality.v0.json"), model, vectors);
    }

    /** Scores {@code manifestFile}'s pairs and writes {@code target}. */
    public static Result export(Path manifestFile, Path target, CouplingModel model, Map<String, float[]> vectors)
            throws IOException {
        PairsManifest manifest = new PairsManifestReader().read(manifestFile);
        List<PairQuality> quality = new ArrayList<>();
        List<String> unscored = new ArrayList<>();
        for (ManifestPair p : manifest.pairs()) {
            String fg = CouplingPairs.presetId(p, "fg", p.fgUrl());
            String bg = CouplingPairs.presetId(p, "bg", p.bgUrl());
            float[] u = vectors.get(fg);
            float[] l = vectors.get(bg);
            if (u == null || l == null) {
                unscored.add("pair " + p.pair() + ": preset " + (u == null ? fg : bg) + " has no measured vector");
                continue;
            }
            quality.add(new PairQuality(p.pair(), Math.round(model.score(u, l).quality() * 1e4) / 1e4));
        }
        if (quality.isEmpty()) {
            throw new IOException("none of the " + manifest.pairs().size() + " pairs in " + manifestFile
                    + " has measured presets (" + unscored.get(0) + "): a pack of new presets is measured by"
                    + " ./aivj import-pack " + manifestFile.toAbsolutePath().getParent() + " first");
        }
        new PairsQualityWriter().write(target, quality);
        double[] values = quality.stream().mapToDouble(PairQuality::quality01).toArray();
        return new Result(target, quality.size(), unscored, QualityStats.of(values));
    }

    public static void main(String[] args) throws IOException {
        Path pack = null;
        Path model = DEFAULT_MODEL;
        Path status = LibraryVectors.DEFAULT_STATUS;
        Path presets = PresetLibrary.resolveRoot(null);
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--pack" -> pack = Path.of(args[i + 1]);
                case "--model" -> model = Path.of(args[i + 1]);
                case "--status" -> status = Path.of(args[i + 1]);
                case "--presets" -> presets = PresetLibrary.resolveRoot(args[i + 1]);
                default -> fail("unknown argument " + args[i]);
            }
        }
        if (pack == null || args.length % 2 != 0) {
            fail("usage: export-quality --pack DIR [--model DIR] [--status FILE] [--presets DIR]");
        }
        try {
            PackFolder imported = new PackFolder(pack);
            // An imported pack is scored on its own measured presets (its manifest names them by id); the result
            // goes beside the team's pairs-manifest.json, where the web player reads it.
            Result r = imported.imported()
                    ? export(imported.manifest(), Files.isRegularFile(pack.resolve("pairs-manifest.json"))
                            ? pack.resolve("pairs-quality.v0.json") : imported.quality(), CouplingBundle.load(model),
                            PackVectors.read(pack))
                    : export(pack, CouplingBundle.load(model), LibraryVectors.read(status, presets));
            r.unscored().forEach(s -> System.out.println("export-quality: not scored: " + s));
            System.out.printf("export-quality: %d pairs scored, %d not; qualityStats %s -> %s%n", r.scored(),
                    r.unscored().size(), r.stats(), r.file());
        } catch (IOException | IllegalArgumentException | IllegalStateException e) { // collapsed scores, bad files
            fail(e.getMessage());
        }
    }

    private static void fail(String message) {
        System.err.println("export-quality: " + message);
        System.exit(2);
    }
}
