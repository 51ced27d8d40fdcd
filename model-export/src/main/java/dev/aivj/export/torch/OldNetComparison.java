package dev.aivj.export.torch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivj.training.CommandOptions;
import dev.aivj.training.coupling.RankingMetrics;
import dev.aivj.training.pack.PackFolder;
import dev.aivj.training.pack.PackPresets;
import dev.aivj.training.pairs.ManifestPair;
import dev.aivj.training.pairs.PairsManifestReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code ./aivj compare-old-net --pack DIR --pth FILE --features FILE}: runs the team's old coupling net
 * ({@link OldCouplingNet}) beside AIVJ's coupling model on the pairs of a pack imported by {@code import-pack}, and
 * reports how their rankings agree (Spearman's rho, and how many of each one's top 20 the other has in its top 20)
 * in {@code DIR/aivj-import/old-net-agreement.md} and {@code .json}. The old net's 64 inputs per preset are not
 * documented and AIVJ cannot compute them: the team gives them, {@code --features}, a JSON object from each preset
 * file's path in the pack (e.g. {@code fg/coupled_00065_20260129_015409_fg.milk}) to its 64 numbers. Pairs whose
 * presets have none are counted, not compared.
 */
public final class OldNetComparison {
    static final int TOP = 20;

    /** What was compared and how the two rankings agree. */
    public record Result(int compared, int withoutFeatures, double spearman, int topOverlap, int top) {
    }

    private OldNetComparison() {
    }

    public static Result compare(Path packDir, OldCouplingNet net, Path featuresFile) throws IOException {
        PackFolder folder = new PackFolder(packDir.toAbsolutePath().normalize());
        if (!folder.imported()) {
            throw new IOException(packDir + ": not imported yet (run ./aivj import-pack " + packDir + " first)");
        }
        Map<String, float[]> features = features(featuresFile);
        Map<String, String> fileOf = new HashMap<>();
        PackPresets.read(folder.presets()).presets().forEach(p -> fileOf.put(p.id(), p.file()));
        List<Double> old = new ArrayList<>();
        List<Double> ours = new ArrayList<>();
        int without = 0;
        for (ManifestPair p : new PairsManifestReader().read(folder.manifest()).pairs()) {
            float[] fg = features.get(fileOf.get(p.extra().get("fg").asText()));
            float[] bg = features.get(fileOf.get(p.extra().get("bg").asText()));
            if (fg == null || bg == null) {
                without++;
                continue;
            }
            old.add(net.pairScore(fg, bg));
            ours.add(p.extra().get("quality01").asDouble());
        }
        if (old.size() < 2) {
            throw new IOException(featuresFile + ": features for " + old.size() + " of the pack's pairs; at least 2"
                    + " are needed to compare rankings");
        }
        double[] a = old.stream().mapToDouble(Double::doubleValue).toArray();
        double[] b = ours.stream().mapToDouble(Double::doubleValue).toArray();
        int top = Math.min(TOP, a.length);
        Result r = new Result(a.length, without, RankingMetrics.spearman(a, b), overlap(a, b, top), top);
        write(folder, r, featuresFile);
        return r;
    }

    /** How many pairs are in the top {@code k} of both rankings. */
    static int overlap(double[] a, double[] b, int k) {
        int[] pa = RankingMetrics.positions(a);
        int[] pb = RankingMetrics.positions(b);
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            n += pa[i] < k && pb[i] < k ? 1 : 0;
        }
        return n;
    }

    static Map<String, float[]> features(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such features file");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + ":" + (e.getLocation() == null ? 0 : e.getLocation().getLineNr())
                    + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": expected a JSON object from preset file to its "
                    + OldCouplingNet.INPUTS + " features");
        }
        Map<String, float[]> out = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("generated")) {
                continue; // a note, such as the GENERATED label of test features
            }
            JsonNode v = e.getValue();
            if (!v.isArray() || v.size() != OldCouplingNet.INPUTS) {
                throw new IOException(file + ": " + e.getKey() + " has " + (v.isArray() ? v.size() + " numbers"
                        : "no array") + ", the old net takes " + OldCouplingNet.INPUTS);
            }
            float[] f = new float[OldCouplingNet.INPUTS];
            for (int i = 0; i < f.length; i++) {
                if (!v.get(i).isNumber()) {
                    throw new IOException(file + ": " + e.getKey() + "[" + i + "] is not a number");
                }
                f[i] = (float) v.get(i).asDouble();
            }
            out.put(e.getKey(), f);
        }
        return out;
    }

    private static void write(PackFolder folder, Result r, Path featuresFile) throws IOException {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("pairsCompared", r.compared()).put("pairsWithoutFeatures", r.withoutFeatures())
                .put("spearman", Math.round(r.spearman() * 1e4) / 1e4).put("topOverlap", r.topOverlap())
                .put("top", r.top()).put("features", featuresFile.toString())
                .put("pairScore", "cosine of the old net's 32 outputs for the two presets (the team's rule is"
                        + " undocumented)");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(folder.root()
                .resolve("old-net-agreement.json").toFile(), o);
        Files.writeString(folder.root().resolve("old-net-agreement.md"), String.format("# The old coupling net beside"
                + " AIVJ's model%n%nPairs compared: %d (%d without features). Spearman's rho between the old net's"
                + " pair scores and AIVJ's quality01: %.3f. Pairs in both top %d: %d.%n%nThe old net's pair score is"
                + " the cosine of its 32 outputs for the two presets: the team's rule is not documented. Its inputs"
                + " are %s.%n", r.compared(), r.withoutFeatures(), r.spearman(), r.top(), r.topOverlap(),
                featuresFile));
    }

    public static void main(String[] args) {
        try {
            CommandOptions o = CommandOptions.parse(args, "--pack", "--pth", "--features");
            Path pack = o.path("--pack", null);
            Path pth = o.path("--pth", null);
            Path features = o.path("--features", null);
            if (pack == null || pth == null || !o.positional().isEmpty()) {
                throw new IllegalArgumentException("usage: compare-old-net --pack DIR --pth FILE --features FILE");
            }
            OldCouplingNet net = OldCouplingNet.load(pth);
            if (features == null) {
                throw new IllegalArgumentException(pth + " read (64→128→32); its 64 inputs per preset are not"
                        + " documented and AIVJ cannot compute them: give them with --features FILE");
            }
            Result r = compare(pack, net, features);
            System.out.printf("compare-old-net: %d pairs compared (%d without features): Spearman %.3f, %d of the"
                    + " top %d in both; report in %s%n", r.compared(), r.withoutFeatures(), r.spearman(),
                    r.topOverlap(), r.top(), new PackFolder(pack.toAbsolutePath().normalize()).root()
                            .resolve("old-net-agreement.md"));
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("compare-old-net: " + e.getMessage());
            System.exit(2);
        }
    }
}
