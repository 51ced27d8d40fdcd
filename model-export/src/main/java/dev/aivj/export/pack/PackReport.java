package dev.aivj.export.pack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivj.training.pack.PackFolder;
import dev.aivj.training.pack.PackPresets;
import dev.aivj.training.pack.PackReader;
import dev.aivj.training.pack.PresetVerdict;
import dev.aivj.training.pairs.ImportProblem;
import dev.aivj.training.pairs.ImportReport;
import dev.aivj.training.pairs.PairQuality;
import dev.aivj.training.pairs.PresetPair;
import dev.aivj.training.pairs.QualityStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import of a pack found ({@code aivj-import/report.md} and {@code report.json}): the rows read and those
 * not readable (file and line), the pairs scored and those left out (why), the presets by verdict with every broken
 * file and its reason, how fast the presets were measured, and the distribution of the coupling model's scores.
 */
public final class PackReport {
    /** Histogram bins of quality01 over [0, 1]. */
    static final int BINS = 10;

    private final Path pack;
    private final String name;
    private PackReader.Contents contents;
    private final List<String> notes = new ArrayList<>();
    private final List<String> leftOut = new ArrayList<>();
    private final Map<String, List<String>> broken = new TreeMap<>();
    private final Map<String, String> unresolved = new LinkedHashMap<>();
    private int presetFiles;
    private int usable;
    private int toMeasure;
    private int measuredNow;
    private double minutes;
    private List<PairQuality> scores = List.of();
    private String quality;

    PackReport(Path pack, String name) {
        this.pack = pack;
        this.name = name;
    }

    void contents(PackReader.Contents c) {
        this.contents = c;
    }

    void note(String n) {
        notes.add(n);
    }

    int rowsRejected() {
        return contents.reports().stream().mapToInt(ImportReport::rowsRejected).sum();
    }

    void measured(int distinct, int now, double minutes) {
        this.toMeasure = distinct;
        this.measuredNow = now;
        this.minutes = minutes;
    }

    void preset(PackPresets.Preset p, PresetVerdict v) {
        presetFiles++;
        if (v.usable()) {
            usable++;
        } else {
            broken.computeIfAbsent(v.kind(), k -> new ArrayList<>()).add(p.file() + ": " + v.detail());
        }
    }

    void unresolved(String ref, String problem, String origin) {
        unresolved.putIfAbsent(ref, origin + ": " + problem);
    }

    void leftOut(PresetPair p, String why) {
        leftOut.add("pair " + p.pair() + " (" + p.origin() + "): " + why);
    }

    void scored(List<PairQuality> q) {
        this.scores = List.copyOf(q);
    }

    void qualityWritten(Path file) {
        quality = "written: " + file;
    }

    void qualityRefused(String why) {
        quality = "refused (not written): " + why;
    }

    public int pairsRead() {
        return contents.pairs().size();
    }

    public int pairsScored() {
        return scores.size();
    }

    public List<String> leftOut() {
        return List.copyOf(leftOut);
    }

    /** Broken preset files by kind (parse, shader, hang, blank, frozen, empty, binary, ...), each "file: reason". */
    public Map<String, List<String>> broken() {
        return java.util.Collections.unmodifiableMap(broken);
    }

    /** Preset references that name no file in the pack (or lead outside it), with where and why. */
    public Map<String, String> unresolved() {
        return java.util.Collections.unmodifiableMap(unresolved);
    }

    /** Every row the importers could not read, "file:line: reason". */
    public List<String> rowProblems() {
        List<String> out = new ArrayList<>();
        for (ImportReport r : contents.reports()) {
            for (ImportProblem p : r.problems()) {
                out.add(p.toString());
            }
        }
        return out;
    }

    public int usablePresets() {
        return usable;
    }

    public int presetFiles() {
        return presetFiles;
    }

    public int measuredNow() {
        return measuredNow;
    }

    public double presetsPerMinute() {
        return minutes > 0 && measuredNow > 0 ? measuredNow / minutes : 0;
    }

    public String quality() {
        return quality;
    }

    public QualityStats stats() {
        return scores.isEmpty() ? null : QualityStats.of(scores.stream().mapToDouble(PairQuality::quality01).toArray());
    }

    int[] histogram() {
        int[] h = new int[BINS];
        for (PairQuality q : scores) {
            h[Math.min(BINS - 1, (int) Math.floor(q.quality01() * BINS))]++;
        }
        return h;
    }

    void write(PackFolder folder) throws IOException {
        Files.writeString(folder.reportMarkdown(), markdown());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(folder.reportJson().toFile(), json());
    }

    ObjectNode json() {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("pack", pack.toString()).put("name", name).put("layout", contents.layout().name());
        ObjectNode rows = o.putObject("rows");
        rows.put("read", contents.reports().stream().mapToInt(ImportReport::rowsRead).sum());
        rows.put("notReadable", rowsRejected());
        rowProblems().forEach(rows.putArray("problems")::add);
        ObjectNode pairs = o.putObject("pairs");
        pairs.put("read", pairsRead()).put("scored", pairsScored()).put("leftOut", leftOut.size());
        ArrayNode lo = pairs.putArray("leftOutWhy");
        leftOut.forEach(lo::add);
        ObjectNode presets = o.putObject("presets");
        presets.put("files", presetFiles).put("usable", usable).put("unresolvedReferences", unresolved.size());
        ObjectNode byKind = presets.putObject("brokenByKind");
        broken.forEach((k, v) -> byKind.put(k, v.size()));
        ObjectNode list = presets.putObject("broken");
        broken.forEach((k, v) -> v.forEach(list.putArray(k)::add));
        ObjectNode un = presets.putObject("unresolved");
        unresolved.forEach(un::put);
        ObjectNode m = o.putObject("measurement");
        m.put("distinctPresets", toMeasure).put("renderedThisRun", measuredNow)
                .put("minutes", Math.round(minutes * 100) / 100.0)
                .put("presetsPerMinute", Math.round(presetsPerMinute() * 10) / 10.0);
        ObjectNode q = o.putObject("quality");
        QualityStats s = stats();
        if (s != null) {
            q.put("std", s.std()).put("p50", s.p50()).put("p95", s.p95()).put("min", s.min()).put("max", s.max());
            int[] h = histogram();
            ArrayNode hist = q.putArray("histogram");
            for (int c : h) {
                hist.add(c);
            }
        }
        q.put("file", quality == null ? "not written: no pair was scored" : quality);
        notes.forEach(o.putArray("notes")::add);
        return o;
    }

    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Import of pack ").append(name).append("\n\n");
        sb.append("Folder `").append(pack).append("`, layout ").append(contents.layout()).append(" (")
                .append(contents.layout().what()).append(").\n\n");
        notes.forEach(n -> sb.append("- note: ").append(n).append('\n'));
        sb.append("| | count |\n|---|---|\n");
        sb.append("| rows read / not readable | ").append(contents.reports().stream().mapToInt(ImportReport::rowsRead)
                .sum()).append(" / ").append(rowsRejected()).append(" |\n");
        sb.append("| pairs read / scored / left out | ").append(pairsRead()).append(" / ").append(pairsScored())
                .append(" / ").append(leftOut.size()).append(" |\n");
        sb.append("| preset files / usable / broken | ").append(presetFiles).append(" / ").append(usable)
                .append(" / ").append(presetFiles - usable).append(" |\n");
        sb.append("| preset references naming no file | ").append(unresolved.size()).append(" |\n");
        sb.append("| presets rendered this run (distinct contents) | ").append(measuredNow).append(" of ")
                .append(toMeasure).append(String.format(" in %.1f min: %.1f presets/min |%n", minutes,
                        presetsPerMinute()));
        sb.append("\n## Broken presets by reason\n\n");
        if (broken.isEmpty()) {
            sb.append("none\n");
        }
        broken.forEach((k, v) -> {
            sb.append("- **").append(k).append("** (").append(v.size()).append(")\n");
            v.forEach(f -> sb.append("  - ").append(f).append('\n'));
        });
        if (!unresolved.isEmpty()) {
            sb.append("\n## Preset references naming no file\n\n");
            unresolved.forEach((ref, why) -> sb.append("- `").append(ref).append("`: ").append(why).append('\n'));
        }
        sb.append("\n## Rows not readable\n\n");
        List<String> rp = rowProblems();
        if (rp.isEmpty()) {
            sb.append("none\n");
        }
        rp.forEach(p -> sb.append("- ").append(p).append('\n'));
        sb.append("\n## Score distribution (coupling model quality01)\n\n");
        QualityStats s = stats();
        if (s == null) {
            sb.append("no pair scored\n");
        } else {
            sb.append(String.format("std %.4f, p50 %.4f, p95 %.4f, min %.4f, max %.4f; pairs-quality.v0.json %s%n%n",
                    s.std(), s.p50(), s.p95(), s.min(), s.max(), quality));
            int[] h = histogram();
            sb.append("| quality01 | pairs |\n|---|---|\n");
            for (int i = 0; i < BINS; i++) {
                sb.append(String.format("| %.1f–%.1f | %d |%n", i / (double) BINS, (i + 1) / (double) BINS, h[i]));
            }
        }
        sb.append("\n## Pairs left out\n\n");
        if (leftOut.isEmpty()) {
            sb.append("none\n");
        }
        leftOut.forEach(l -> sb.append("- ").append(l).append('\n'));
        return sb.toString();
    }
}
