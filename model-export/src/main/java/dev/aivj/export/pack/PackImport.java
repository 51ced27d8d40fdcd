package dev.aivj.export.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.aivj.engine.coupling.CouplingModel;
import dev.aivj.engine.coupling.CouplingScore;
import dev.aivj.presets.PresetChecker;
import dev.aivj.presets.PresetLibrary;
import dev.aivj.training.pack.PackFolder;
import dev.aivj.training.pack.PackPresetResolver;
import dev.aivj.training.pack.PackPresets;
import dev.aivj.training.pack.PackReader;
import dev.aivj.training.pack.PackVectors;
import dev.aivj.training.pack.PresetFileCheck;
import dev.aivj.training.pack.PresetVerdict;
import dev.aivj.training.pairs.CollapsedQualityException;
import dev.aivj.training.pairs.ManifestPair;
import dev.aivj.training.pairs.PairQuality;
import dev.aivj.training.pairs.PairSource;
import dev.aivj.training.pairs.PairsManifest;
import dev.aivj.training.pairs.PairsManifestWriter;
import dev.aivj.training.pairs.PairsQualityWriter;
import dev.aivj.training.pairs.PresetPair;
import dev.aivj.training.pairs.parquet.ParquetPairStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pack of the team's new presets end to end ({@code ./aivj import-pack}): reads its pairs in whichever of the
 * team's layouts it is, resolves every preset file inside the pack, checks each file as text, renders and measures
 * every preset not measured yet with the preset checker (headless projectM on the reference audio, the library's
 * look measures; resumable, a watchdog per preset) into the pack's own status file, scores every pair of two usable
 * presets with the coupling model, and writes with the pack ({@link PackFolder}): the pairs as one manifest with
 * their preset ids, {@code pairs-quality.v0.json} (the team's std gate), the Parquet store, the pack's preset index
 * for the page, and the report. A broken preset or a bad row never stops it: each is reported with its reason.
 */
public final class PackImport {
    /** How to import: the coupling model, projectM's web build and the reference audio, the per-preset timeout. */
    public record Settings(CouplingModel model, Path projectmWeb, Path music, Path framesDir, int timeoutS,
            int limit) {
    }

    private final Settings settings;
    private final PrintStream log;

    public PackImport(Settings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
    }

    /** Imports {@code packDir}; an IllegalArgumentException or IOException with one line for a user error. */
    public PackReport run(Path packDir) throws Exception {
        if (!Files.isDirectory(packDir)) {
            throw new IllegalArgumentException(packDir + ": no such folder");
        }
        Path pack = packDir.toAbsolutePath().normalize();
        PackFolder folder = new PackFolder(pack);
        String name = PackPresets.packName(pack);
        PackReport report = new PackReport(pack, name);

        PackReader.Contents contents = new PackReader().read(pack);
        report.contents(contents);
        List<PresetPair> pairs = contents.pairs();
        if (settings.limit() < pairs.size()) {
            report.note("--limit " + settings.limit() + ": only the first " + settings.limit() + " of "
                    + pairs.size() + " pairs imported");
            pairs = pairs.subList(0, settings.limit());
        }
        log.printf("import-pack: %s: %s layout, %d pairs read, %d rows not readable%n", pack,
                contents.layout(), pairs.size(), report.rowsRejected());

        // Every preset file the pairs name, once, with its text check and its identical twins.
        PackPresetResolver resolver = new PackPresetResolver(pack);
        Map<Path, PackPresets.Preset> byFile = new LinkedHashMap<>();
        Map<String, String> firstOfContent = new HashMap<>();
        List<ResolvedPair> resolved = new ArrayList<>();
        for (PresetPair p : pairs) {
            PackPresetResolver.Resolved fg = resolver.resolve(p.fg(), "fg");
            PackPresetResolver.Resolved bg = resolver.resolve(p.bg(), "bg");
            for (PackPresetResolver.Resolved r : List.of(fg, bg)) {
                if (r.file() != null && !byFile.containsKey(r.file())) {
                    String rel = resolver.relative(r.file());
                    String id = PackPresets.id(name, rel);
                    String problem = PresetFileCheck.problem(r.file());
                    String sha = problem == null ? sha256(r.file()) : null;
                    String measuredAs = sha == null ? null : firstOfContent.computeIfAbsent(sha, k -> id);
                    byFile.put(r.file(), new PackPresets.Preset(id, rel, sha, measuredAs, problem));
                }
            }
            for (PackPresetResolver.Resolved r : List.of(fg, bg)) {
                if (r.file() == null) {
                    report.unresolved(r == fg ? p.fg() : p.bg(), r.problem(), p.origin().toString());
                }
            }
            resolved.add(new ResolvedPair(p, fg, bg));
        }
        PackPresets presets = new PackPresets(name, new ArrayList<>(byFile.values()));
        Files.createDirectories(folder.root());
        presets.write(folder.presets());

        // Render and measure what is not measured yet (the checker skips presets current in the status file).
        List<PresetLibrary.Entry> toMeasure = new ArrayList<>();
        for (PackPresets.Preset p : presets.presets()) {
            if (p.problem() == null && p.id().equals(p.measuredAs())) {
                toMeasure.add(PackVectors.entry(pack, name, p));
            }
        }
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> before = PresetLibrary.readStatus(json, folder.status());
        long t0 = System.nanoTime();
        if (!toMeasure.isEmpty()) {
            log.printf("import-pack: measuring %d distinct presets (%d files) with headless projectM; status in %s%n",
                    toMeasure.size(), presets.presets().size(), folder.status());
            int code = PresetChecker.checkFiles(toMeasure, settings.projectmWeb(), settings.music(), folder.status(),
                    settings.framesDir(), settings.timeoutS());
            if (code != 0) {
                throw new IOException("the preset checker stopped (exit " + code + "); run import-pack again to go on");
            }
        }
        double minutes = (System.nanoTime() - t0) / 6e10;
        Map<String, JsonNode> status = PresetLibrary.readStatus(json, folder.status());
        int measuredNow = 0;
        for (PresetLibrary.Entry e : toMeasure) {
            JsonNode was = before.get(e.id());
            if (status.containsKey(e.id()) && (was == null || !was.equals(status.get(e.id())))) {
                measuredNow++;
            }
        }
        report.measured(toMeasure.size(), measuredNow, minutes);

        Map<String, PresetVerdict> verdicts = new LinkedHashMap<>();
        for (PackPresets.Preset p : presets.presets()) {
            PresetVerdict v = p.problem() != null ? PresetVerdict.ofFileProblem(p.problem())
                    : PresetVerdict.ofStatus(status.get(p.measuredAs()));
            verdicts.put(p.id(), v);
            report.preset(p, v);
        }
        Map<String, float[]> vectors = PackVectors.read(pack, presets, status);

        // Score the pairs of two usable presets; every other pair is left out with why.
        boolean unique = resolved.stream().map(r -> r.pair.pair()).distinct().count() == resolved.size();
        List<ManifestPair> kept = new ArrayList<>();
        List<ManifestPair> elite = new ArrayList<>();
        List<PairQuality> quality = new ArrayList<>();
        List<PresetPair> rows = new ArrayList<>();
        int seq = 0;
        for (ResolvedPair r : resolved) {
            seq++;
            int number = unique ? r.pair.pair() : seq;
            String why = null;
            PackPresets.Preset fg = r.fg.file() == null ? null : byFile.get(r.fg.file());
            PackPresets.Preset bg = r.bg.file() == null ? null : byFile.get(r.bg.file());
            if (fg == null) {
                why = "fg " + r.fg.problem();
            } else if (bg == null) {
                why = "bg " + r.bg.problem();
            } else if (!verdicts.get(fg.id()).usable()) {
                why = "fg " + fg.file() + " is " + verdicts.get(fg.id());
            } else if (!verdicts.get(bg.id()).usable()) {
                why = "bg " + bg.file() + " is " + verdicts.get(bg.id());
            } else if (!vectors.containsKey(fg.id()) || !vectors.containsKey(bg.id())) {
                why = "no measured vector for " + (vectors.containsKey(fg.id()) ? bg.file() : fg.file());
            }
            Double q = null;
            if (why == null) {
                CouplingScore s = settings.model().score(vectors.get(fg.id()), vectors.get(bg.id()));
                q = Math.round(s.quality() * 1e4) / 1e4;
                quality.add(new PairQuality(number, q));
                ManifestPair m = manifestPair(number, name, fg, bg, r.pair, q);
                kept.add(m);
                if (r.pair.source() == PairSource.ELITE && (r.pair.score() == null || r.pair.score() >= 4)) {
                    elite.add(m);
                }
            } else {
                report.leftOut(r.pair, why);
            }
            rows.add(new PresetPair(r.pair.pair(), r.pair.fg(), r.pair.bg(), r.pair.score(), r.pair.rank(),
                    q != null ? q : r.pair.quality01(), r.pair.styleTags(), r.pair.source(), r.pair.origin()));
        }
        report.scored(quality);
        if (!unique) {
            report.note("pair numbers repeat in this pack (refinery runs): the import numbers its pairs 1.." + seq
                    + " in read order; each keeps its own number as teamPair");
        }

        String now = PairsManifest.timestamp(OffsetDateTime.now());
        String from = "aivj import-pack of " + pack + " (" + contents.layout() + "): pairs of two usable presets,"
                + " scored by the coupling model (quality01)";
        Files.deleteIfExists(folder.manifest());
        Files.deleteIfExists(folder.elite());
        Files.deleteIfExists(folder.quality());
        if (!kept.isEmpty()) {
            new PairsManifestWriter().write(folder.manifest(), PairsManifest.of(now, name, from, resolved.size(), kept));
            if (!elite.isEmpty()) {
                new PairsManifestWriter().write(folder.elite(), PairsManifest.of(now, name, from
                        + "; the elite manifest's golden pairs (score >= 4)", elite.size(), elite));
            }
            try {
                new PairsQualityWriter().write(folder.quality(), quality);
                report.qualityWritten(folder.quality());
            } catch (CollapsedQualityException e) {
                report.qualityRefused(e.getMessage());
            }
        }
        ParquetPairStore.deleteTree(folder.parquet()); // the store never overwrites: the import's own goes first
        if (!rows.isEmpty()) {
            new ParquetPairStore().write(folder.parquet(), rows);
        }
        PackPresetIndex.write(folder.library().resolve(PackFolder.PACK_INDEX), pack, presets, verdicts, status);
        report.write(folder);
        return report;
    }

    private record ResolvedPair(PresetPair pair, PackPresetResolver.Resolved fg, PackPresetResolver.Resolved bg) {
    }

    /** The pair as the import's manifest holds it: URLs the server answers, ids, and what the team said of it. */
    private static ManifestPair manifestPair(int number, String pack, PackPresets.Preset fg, PackPresets.Preset bg,
            PresetPair p, double quality) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        extra.put("fg", f.textNode(fg.id()));
        extra.put("bg", f.textNode(bg.id()));
        if (p.score() != null) {
            extra.put("score", f.numberNode(p.score()));
        }
        if (p.rank() != null) {
            extra.put("rank", f.numberNode(p.rank()));
        }
        extra.put("quality01", f.numberNode(quality));
        if (number != p.pair()) {
            extra.put("teamPair", f.numberNode(p.pair()));
        }
        extra.put("source", f.textNode(p.source().name()));
        extra.put("origin", f.textNode(p.origin().toString()));
        return new ManifestPair(number, PackPresetIndex.url(pack, fg.file()), PackPresetIndex.url(pack, bg.file()),
                null, null, extra);
    }

    static String sha256(Path file) throws IOException {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            StringBuilder sb = new StringBuilder();
            for (byte b : d) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
