package dev.aivj.export.coupling;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivj.engine.coupling.CouplingModel;
import dev.aivj.engine.coupling.CouplingScore;
import dev.aivj.engine.looks.MeasuredLook;
import dev.aivj.engine.looks.PresetVector;
import dev.aivj.engine.presets.PresetFeatures;
import dev.aivj.engine.recommend.LookPercentiles;
import dev.aivj.engine.recommend.LookSpace;
import dev.aivj.engine.recommend.PairLibrary;
import dev.aivj.engine.recommend.PartnerPresets;
import dev.aivj.engine.recommend.RatingPrior;
import dev.aivj.presets.PresetLibrary;
import dev.aivj.presets.PresetRatings;
import dev.aivj.training.coupling.CouplingPairs;
import dev.aivj.training.coupling.LibraryVectors;
import dev.aivj.training.pack.PackFolder;
import dev.aivj.training.pack.PackPresets;
import dev.aivj.training.pack.PackVectors;
import dev.aivj.training.pairs.ManifestPair;
import dev.aivj.training.pairs.PairsManifest;
import dev.aivj.training.pairs.PairsManifestReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./aivj export-library [--elite DIR | --pack DIR] [--model DIR] [--out FILE]}: the pair library the page and
 * {@code ./aivj analyze} recommend from ({@link PairLibrary}'s format). For each pair of the elite manifest whose
 * presets are measured and usable: its quality, w_s and w_t from the coupling model, and its look in
 * {@link LookSpace}: per axis the mean of the two presets' percentiles among all usable measured presets
 * ({@link LookPercentiles}: motion, luma_mean, edge_density, colourfulness; the preset index shows each preset's),
 * and its rating, the mean of its presets' fRating ({@link dev.aivj.engine.recommend.RatingPrior}).
 * Beside it, {@value #PARTNERS_FILE}: those presets' vectors and the looks' sorted values, with which the page pairs
 * the presets a viewer brings ({@link dev.aivj.engine.recommend.OwnPresetPairs}). With {@code --pack DIR} (a pack
 * imported by {@code ./aivj import-pack}): every scored pair of the pack, by default into
 * {@code DIR/aivj-import/library/}, which {@code ./aivj serve --pack DIR} serves.
 */
public final class PairLibraryExporter {
    public static final Path DEFAULT_OUT = Path.of("web-frontend/src/main/resources/web/pairs/pair-library.json");
    /** Beside the library: what the page pairs a viewer's own presets with ({@link PartnerPresets}). */
    public static final String PARTNERS_FILE = "partner-presets.json";

    private PairLibraryExporter() {
    }

    /** Writes the library; returns the pairs left out (with why). {@code ratings}: fRating by preset id. */
    public static List<String> export(Path eliteManifest, CouplingModel model, Map<String, float[]> vectors,
            Map<String, Double> ratings, Path out) throws IOException {
        PairsManifest elite = new PairsManifestReader().read(eliteManifest);
        LookPercentiles pct = percentiles(vectors);
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("format", PairLibrary.FORMAT);
        root.put("source", elite.pack() + " (" + eliteManifest + "): " + elite.generatedFrom());
        ArrayNode axes = root.putArray("lookAxes");
        Arrays.stream(LookSpace.AXES).forEach(axes::add);
        ArrayNode pairs = root.putArray("pairs");
        Map<String, String> partners = new LinkedHashMap<>(); // id -> url, every preset of an exported pair
        List<String> left = new ArrayList<>();
        for (ManifestPair p : elite.pairs()) {
            String fg = CouplingPairs.presetId(p, "fg", p.fgUrl());
            String bg = CouplingPairs.presetId(p, "bg", p.bgUrl());
            float[] u = vectors.get(fg);
            float[] l = vectors.get(bg);
            if (u == null || l == null || !usable(u) || !usable(l)) {
                left.add("pair " + p.pair() + ": " + (u == null || !usable(u) ? fg : bg) + " is not a usable measured preset");
                continue;
            }
            partners.putIfAbsent(fg, p.fgUrl());
            partners.putIfAbsent(bg, p.bgUrl());
            CouplingScore s = model.score(u, l);
            ObjectNode o = pairs.addObject();
            o.put("fg", fg).put("bg", bg).put("fgUrl", p.fgUrl()).put("bgUrl", p.bgUrl());
            o.put("quality", round(s.quality())).put("w_s", round(s.spatialWeight())).put("w_t", round(s.temporalWeight()));
            ArrayNode look = o.putArray("look");
            for (int a = 0; a < LookSpace.DIMENSIONS; a++) {
                look.add(round((pct.of(a, look(u)) + pct.of(a, look(l))) / 2));
            }
            o.put("rating", round((ratings.getOrDefault(fg, RatingPrior.NEUTRAL)
                    + ratings.getOrDefault(bg, RatingPrior.NEUTRAL)) / 2));
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        json.writeValue(out.toFile(), root);
        PairLibrary.parse(Files.readString(out)); // what the engine will read must parse
        writePartners(partners, vectors, pct, out.resolveSibling(PARTNERS_FILE));
        return left;
    }

    /** The library's presets with their vectors and the measured looks' sorted values, as {@link PartnerPresets} reads. */
    static void writePartners(Map<String, String> partners, Map<String, float[]> vectors, LookPercentiles pct, Path out)
            throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("format", PartnerPresets.FORMAT);
        root.put("vectorVersion", PresetVector.VERSION);
        ArrayNode sorted = root.putArray("lookSorted");
        for (float[] axis : pct.sortedValues()) {
            ArrayNode a = sorted.addArray();
            for (float v : axis) {
                a.add(v);
            }
        }
        ArrayNode presets = root.putArray("presets");
        for (Map.Entry<String, String> e : partners.entrySet()) {
            ObjectNode p = presets.addObject().put("id", e.getKey()).put("url", e.getValue());
            ArrayNode v = p.putArray("vector");
            for (float x : vectors.get(e.getKey())) {
                v.add(x);
            }
        }
        json.writeValue(out.toFile(), root);
        PartnerPresets.parse(Files.readString(out)); // what the engine will read must parse
    }

    private static boolean usable(float[] v) {
        return LookPercentiles.usable(look(v));
    }

    /** The looks part of the preset vectors, as {@link LookPercentiles} takes them. */
    private static LookPercentiles percentiles(Map<String, float[]> vectors) {
        return new LookPercentiles(vectors.values().stream().map(PairLibraryExporter::look).toList());
    }

    static float[] look(float[] vector) {
        return Arrays.copyOfRange(vector, PresetFeatures.LENGTH, PresetFeatures.LENGTH + MeasuredLook.LENGTH);
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    /** The fRating of each readable preset of an imported pack. */
    public static Map<String, Double> packRatings(PackFolder folder) throws IOException {
        PackPresets presets = PackPresets.read(folder.presets());
        List<PresetLibrary.Entry> entries = new ArrayList<>();
        for (PackPresets.Preset p : presets.presets()) {
            if (p.problem() == null) {
                entries.add(PackVectors.entry(folder.pack(), presets.pack(), p));
            }
        }
        return PresetRatings.read(entries);
    }

    public static void main(String[] args) throws IOException {
        Path elite = Path.of("data/bootstrap-pairs/elite");
        Path model = QualityExporter.DEFAULT_MODEL;
        Path out = null;
        Path status = LibraryVectors.DEFAULT_STATUS;
        Path presets = PresetLibrary.resolveRoot(null);
        Path pack = null;
        if (args.length % 2 != 0) {
            System.err.println("export-library: " + args[args.length - 1] + " needs a value");
            System.exit(2);
        }
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--pack" -> pack = Path.of(args[i + 1]);
                case "--elite" -> elite = Path.of(args[i + 1]);
                case "--model" -> model = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--status" -> status = Path.of(args[i + 1]);
                case "--presets" -> presets = PresetLibrary.resolveRoot(args[i + 1]);
                default -> {
                    System.err.println("export-library: unknown argument " + args[i]);
                    System.exit(2);
                }
            }
        }
        List<String> left;
        try {
            if (pack != null) {
                // A pack imported by import-pack: every scored pair of it, its presets served from the pack.
                PackFolder folder = new PackFolder(pack.toAbsolutePath().normalize());
                if (!folder.imported()) {
                    throw new IOException(pack + ": not imported yet (run ./aivj import-pack " + pack + " first)");
                }
                out = out != null ? out : folder.library().resolve(PackFolder.LIBRARY);
                left = export(folder.manifest(), CouplingBundle.load(model), PackVectors.read(folder.pack()),
                        packRatings(folder), out);
            } else {
                out = out != null ? out : DEFAULT_OUT;
                Path manifest = Files.isDirectory(elite) ? elite.resolve("pairs-manifest.json") : elite;
                left = export(manifest, CouplingBundle.load(model), LibraryVectors.read(status, presets),
                        PresetRatings.read(PresetLibrary.scan(presets)), out);
            }
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("export-library: " + e.getMessage());
            System.exit(2);
            return;
        }
        left.forEach(s -> System.out.println("export-library: left out " + s));
        System.out.println("export-library: " + PairLibrary.parse(Files.readString(out)).size() + " pairs -> " + out);
    }
}
