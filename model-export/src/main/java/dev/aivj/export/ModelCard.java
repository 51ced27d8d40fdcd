package dev.aivj.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivj.engine.model.MusicModelSpec;
import dev.aivj.engine.model.Sha256;
import dev.aivj.engine.model.VisualParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The model card written next to an exported bundle: {@code model-card.json} (machine-readable) and
 * {@code model-card.md} (the same facts for people): architecture, weight size, training run, data per style and
 * split with the corpus manifest and its sha256, held-out test metrics, and the stated limitations (teacher
 * visual targets, tiny corpus).
 */
public final class ModelCard {
    public static final String TEACHER_CAVEAT = "The visual head is trained on TEACHER targets: a hand-written"
            + " mapping (training-offline/src/main/resources/teacher/visual-profiles.json, class TeacherMapping) from"
            + " the track's style and per-step audio descriptors (rms energy, onset strength and density, band shares,"
            + " spectral centroid) to the 9 visual parameters. They are not human ground truth; the visual head can"
            + " at best imitate that mapping.";

    private ModelCard() {
    }

    public static ObjectNode build(Path bundle, MusicModelSpec spec, JsonNode summary, ObjectNode metrics,
            String checkpoint) throws IOException {
        ObjectMapper json = new ObjectMapper();
        byte[] weights = Files.readAllBytes(bundle.resolve("weights.bin"));
        ObjectNode c = json.createObjectNode();
        c.put("name", "aivj music model " + bundle.getFileName());
        c.put("architecture", MusicModelSpec.ARCHITECTURE);
        c.set("model", json.readTree(spec.toJson()));
        c.put("parameters", spec.parameterCount());
        c.put("weightBytes", weights.length);
        c.put("weightsSha256", Sha256.hex(weights));
        c.put("checkpoint", checkpoint);
        c.set("training", summary);
        c.set("heldOut", metrics);
        c.put("visualTargets", "teacher");
        c.put("teacherCaveat", TEACHER_CAVEAT);
        ArrayNode lim = c.putArray("limitations");
        limitations(summary.path("corpus"), metrics).forEach(lim::add);
        lim.add(TEACHER_CAVEAT);
        return c;
    }

    /** What the figures cannot show, worked out from the corpus table and the held-out metrics. */
    static java.util.List<String> limitations(JsonNode corpus, JsonNode metrics) {
        java.util.List<String> out = new java.util.ArrayList<>();
        double minutes = 0;
        java.util.Map<String, java.util.Set<String>> stylesBySplit = new java.util.TreeMap<>();
        for (var style : (Iterable<java.util.Map.Entry<String, JsonNode>>) corpus.path("byStyleAndSplit")::fields) {
            for (var split : (Iterable<java.util.Map.Entry<String, JsonNode>>) style.getValue()::fields) {
                minutes += split.getValue().path("minutes").asDouble();
                if (split.getValue().path("tracks").asInt() > 0) {
                    stylesBySplit.computeIfAbsent(split.getKey(), k -> new java.util.TreeSet<>()).add(style.getKey());
                }
            }
        }
        out.add(String.format(Locale.ROOT, "Small corpus: %d tracks (%.0f minutes) from game soundtracks in Debian"
                + " packages; held-out figures rest on %d test tracks, so they have wide uncertainty.",
                corpus.path("tracks").asInt(), minutes, metrics.path("tracks").asInt()));
        for (String split : java.util.List.of("train", "validation", "test")) {
            java.util.Set<String> missing = new java.util.TreeSet<>();
            corpus.path("labels").forEach(l -> missing.add(l.asText()));
            missing.removeAll(stylesBySplit.getOrDefault(split, java.util.Set.of()));
            if (!missing.isEmpty()) {
                out.add("The " + split + " split holds no " + String.join(", ", missing) + " tracks"
                        + (split.equals("train") ? ": the model cannot have learnt those styles." : "."));
            }
        }
        double chance = 1.0 / metrics.path("labels").size();
        if (metrics.path("segmentAccuracy").asDouble() <= 1.5 * chance) {
            out.add(String.format(Locale.ROOT, "Held-out segment accuracy %.3f is near or below chance (%.3f for %d"
                    + " labels): the style head does NOT generalise from this corpus to the test tracks; do not rely"
                    + " on its style output.", metrics.path("segmentAccuracy").asDouble(), chance,
                    metrics.path("labels").size()));
        }
        java.util.Map<String, Integer> segmentsByStyle = new java.util.TreeMap<>();
        int segments = 0;
        for (JsonNode r : metrics.path("perTrack")) {
            int n = r.path("segments").asInt();
            segmentsByStyle.merge(r.path("style").asText(), n, Integer::sum);
            segments += n;
        }
        for (var e : segmentsByStyle.entrySet()) {
            if (segments > 0 && e.getValue() > 0.5 * segments) {
                out.add(String.format(Locale.ROOT, "%s makes up %.0f%% of the test segments, so segment accuracy"
                        + " mostly measures %s; read the per-style recall.", e.getKey(), 100.0 * e.getValue() / segments,
                        e.getKey()));
            }
        }
        java.util.Set<String> testPackages = new java.util.TreeSet<>();
        metrics.path("perTrack").forEach(r -> {
            String[] path = r.path("audio").asText().split("/");
            testPackages.add(path[0].equals("derived") && path.length > 1 ? path[1] : path[0]);
        });
        out.add("Test tracks come from " + testPackages.size() + " package(s) " + testPackages + "; no album is on two"
                + " sides of the split, but a package may give one album to training and another to the test.");
        return out;
    }

    public static void write(Path bundle, ObjectNode card) throws IOException {
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(bundle.resolve("model-card.json").toFile(), card);
        Files.writeString(bundle.resolve("model-card.md"), markdown(card));
    }

    static String markdown(JsonNode c) {
        StringBuilder b = new StringBuilder();
        JsonNode t = c.get("training");
        JsonNode m = c.get("heldOut");
        JsonNode spec = c.get("model");
        b.append("# Model card: ").append(c.get("name").asText()).append("\n\n");
        b.append("> **Visual targets are TEACHER targets, not human ground truth.** ").append(TEACHER_CAVEAT)
                .append("\n\n");
        b.append("## Architecture\n\n");
        b.append("- `").append(c.get("architecture").asText()).append("`: input log-mel (")
                .append(spec.path("melBands").asInt(64)).append(" bands, engine-core front end), per-band normalised;\n");
        b.append("- model spec: `").append(spec.toString()).append("`\n");
        b.append("- causal Conv1d+BN(folded)+ReLU+max-pool blocks → LSTM → per-step heads: style softmax over ")
                .append(m.get("labels")).append(" and ").append(VisualParameters.COUNT)
                .append(" visual parameters (sigmoid, engine-core `VisualParameters`).\n");
        b.append(String.format(Locale.ROOT, "- parameters: %d; weights.bin: %d bytes (%.1f KiB), sha256 `%s`%n",
                c.get("parameters").asLong(), c.get("weightBytes").asLong(), c.get("weightBytes").asLong() / 1024.0,
                c.get("weightsSha256").asText()));
        b.append("\n## Training\n\n");
        JsonNode cfg = t.get("config");
        b.append(String.format(Locale.ROOT, "- DJL 0.36 / PyTorch 2.7.1 CPU, one thread; seed %d; Adam lr %s; batch %d;"
                + " patches %d frames, hop %d; augmentation %s; visual loss weight %s%n", cfg.get("seed").asLong(),
                cfg.get("learningRate").asText(), cfg.get("batchSize").asInt(), cfg.get("patchFrames").asInt(),
                cfg.get("hopFrames").asInt(), cfg.path("augment").asText(), cfg.get("visualLossWeight").asText()));
        b.append(String.format(Locale.ROOT, "- epochs run %d (max %d, early-stop patience %d, 0 = none); lowest"
                + " validation loss at epoch %d; exported checkpoint `%s`%n", t.get("epochsRun").asInt(), cfg.get("maxEpochs").asInt(),
                cfg.get("patience").asInt(), t.get("bestEpoch").asInt(), c.get("checkpoint").asText()));
        b.append(String.format(Locale.ROOT, "- training time %.1f s (feature extraction / cache %.1f s)%n",
                t.get("trainingSeconds").asDouble(), t.get("featureSeconds").asDouble()));
        b.append("- validation loss per epoch: ").append(t.get("validationLoss")).append("\n");
        JsonNode d = t.get("distillation");
        if (d != null) {
            b.append(String.format(Locale.ROOT, "- distilled (training-offline StyleDistillation): a teacher of %d larger"
                    + " networks (%s) trained on the same tracks with the same augmentation; %d unlabelled pool tracks"
                    + " (corpus/unlabelled-pool.csv, none from a package with validation or test tracks), those the"
                    + " teacher reads at ≥ %.2f pseudo-labelled: %s; each patch's target: %.2f × its label + the"
                    + " rest the teacher's probabilities for the same augmented patch (the teacher alone for"
                    + " pseudo-labelled patches)%n", d.get("teachers").asInt(), MusicModelSpec.fromJson(
                            dev.aivj.engine.json.JsonReader.parse(d.get("teacherModel").asText())).summary(),
                    d.get("poolTracks").asInt(), d.get("pseudoLabelConfidence").asDouble(), d.get("pseudoLabels"),
                    d.get("hardLabelWeight").asDouble()));
        }
        b.append("\n## Data\n\n");
        JsonNode corpus = t.get("corpus");
        b.append("- corpus manifest: `").append(corpus.get("manifest").asText()).append("` (training-offline"
                + " class path), sha256 `").append(corpus.get("manifestSha256").asText()).append("`\n");
        b.append("- ").append(corpus.get("tracks").asInt()).append(" tracks; patches: train ")
                .append(corpus.get("trainPatches").asInt()).append(", validation ")
                .append(corpus.get("validationPatches").asInt()).append("; test never used in training.\n\n");
        b.append("| style | train | validation | test |\n|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = corpus.get("byStyleAndSplit").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            b.append("| ").append(e.getKey());
            for (String sp : new String[] {"train", "validation", "test"}) {
                JsonNode cell = e.getValue().get(sp);
                b.append(" | ").append(cell == null ? "–" : cell.get("tracks").asInt() + (cell.get("tracks").asInt() == 1 ? " track, " : " tracks, ")
                        + cell.get("minutes").asText() + " min");
            }
            b.append(" |\n");
        }
        if (c.has("parity")) {
            JsonNode p = c.get("parity");
            b.append(String.format(Locale.ROOT, "%n## Parity%n%n- %s: %d tracks, max |Δ| style %.2g, visual %.2g%n",
                    p.get("what").asText(), p.get("clips").asInt(), p.get("maxAbsStyle").asDouble(),
                    p.get("maxAbsVisual").asDouble()));
        }
        b.append("\n## Held-out test metrics\n\n");
        b.append(String.format(Locale.ROOT, "- segments of %d frames (%.1f s), model state reset per segment%n",
                m.get("segmentFrames").asInt(), m.get("segmentFrames").asInt() / 43.066));
        b.append(String.format(Locale.ROOT, "- segment accuracy: %.3f (%d segments; chance %.3f)%n",
                m.get("segmentAccuracy").asDouble(), m.get("segments").asInt(), 1.0 / m.get("labels").size()));
        if (m.has("balancedAccuracy")) {
            b.append(String.format(Locale.ROOT, "- balanced accuracy (mean recall over the styles in the test split):"
                    + " %.3f%n", m.get("balancedAccuracy").asDouble()));
        }
        b.append(String.format(Locale.ROOT, "- track accuracy: %.3f by majority vote, %.3f by mean probability (%d tracks)%n",
                m.get("trackAccuracyMajority").asDouble(), m.get("trackAccuracyMeanProbability").asDouble(),
                m.get("tracks").asInt()));
        b.append("\n| style | precision | recall |\n|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = m.get("perStyle").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            b.append("| ").append(e.getKey()).append(" | ").append(fmt(e.getValue().get("precision"))).append(" | ")
                    .append(fmt(e.getValue().get("recall"))).append(" |\n");
        }
        b.append("\nSegment confusion matrix (rows = true style, columns = predicted):\n\n| true \\ pred |");
        JsonNode labels = m.get("labels");
        labels.forEach(l -> b.append(' ').append(l.asText()).append(" |"));
        b.append("\n|---|");
        labels.forEach(l -> b.append("---|"));
        b.append('\n');
        for (int i = 0; i < labels.size(); i++) {
            b.append("| ").append(labels.get(i).asText()).append(" |");
            for (JsonNode v : m.get("segmentConfusion").get(i)) {
                b.append(' ').append(v.asInt()).append(" |");
            }
            b.append('\n');
        }
        b.append("\nPer test track:\n\n| track | style | segments correct | majority | mean probability |\n"
                + "|---|---|---|---|---|\n");
        for (JsonNode r : m.get("perTrack")) {
            b.append("| `").append(r.get("audio").asText()).append("` | ").append(r.get("style").asText()).append(" | ")
                    .append(r.get("correctSegments").asInt()).append('/').append(r.get("segments").asInt())
                    .append(" | ").append(r.get("majority").asText()).append(" | ")
                    .append(r.get("meanProbability").asText()).append(" |\n");
        }
        if (c.has("calibration")) {
            JsonNode cal = c.get("calibration");
            b.append(String.format(Locale.ROOT, "%n## Calibration%n%n- temperature %.3f folded into the style head,"
                    + " fitted on the %s (lowest negative log-likelihood)%n- expected calibration error on the test"
                    + " split (top probability, 15 bins): %.3f before, %.3f after%n", cal.get("temperature").asDouble(),
                    cal.get("fittedOn").asText(), cal.get("eceTestBefore").asDouble(),
                    cal.get("eceTestAfter").asDouble()));
        }
        if (c.has("leaveOnePackageOutMarkdown") && !c.get("leaveOnePackageOutMarkdown").asText().isBlank()) {
            b.append("\n## Music it has never heard: whole packages held out (`./aivj evaluate-style`)\n\n")
                    .append(c.get("leaveOnePackageOutMarkdown").asText().replace("### ", "#### ")
                            .replace("## Per fold", "#### Per fold").strip())
                    .append("\n");
        }
        b.append("\n## Limitations\n\n");
        for (JsonNode l : c.get("limitations")) {
            b.append("- ").append(l.asText()).append('\n');
        }
        return b.toString();
    }

    private static String fmt(JsonNode v) {
        return v == null || v.isNull() ? "n/a (no predictions)" : String.format(Locale.ROOT, "%.3f", v.asDouble());
    }
}
