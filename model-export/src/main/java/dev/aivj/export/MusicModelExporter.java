package dev.aivj.export;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.model.MelNormalizer;
import dev.aivj.engine.model.MusicModel;
import dev.aivj.engine.model.MusicModelSpec;
import dev.aivj.training.corpus.CorpusTrack;
import dev.aivj.training.corpus.Split;
import dev.aivj.training.music.FeatureCache;
import dev.aivj.training.music.ManifestCorpus;
import dev.aivj.training.music.MusicCheckpoint;
import dev.aivj.training.music.MusicNet;
import dev.aivj.export.heldout.ModelSegments;
import dev.aivj.export.heldout.SegmentPrediction;
import dev.aivj.export.heldout.StyleScores;
import dev.aivj.export.heldout.TemperatureScaling;
import dev.aivj.training.music.TrainingSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DJL {@link MusicNet} parameters → engine-core model bundle ({@link TensorBundleWriter}): batch norm folded into
 * each conv (w' = w·γ/√(σ²+ε), b' = (b − μ)·γ/√(σ²+ε) + β, in double), the LSTM's two biases summed, the input
 * normaliser stored as {@code input.mean}/{@code input.std}, and the spec (layers, front-end settings, labels,
 * visual parameters) as the manifest's {@code model}.
 *
 * <p>Command line: see {@link #main}.
 */
public final class MusicModelExporter {
    private MusicModelExporter() {
    }

    public static void export(MusicNet net, MelNormalizer norm, Path dir) throws IOException {
        export(net, norm, dir, 1.0);
    }

    /**
     * As {@link #export(MusicNet, MelNormalizer, Path)}, with the calibration temperature folded into the style
     * head: its weights and bias divided by {@code temperature}, so the engine's softmax gives calibrated
     * probabilities with no extra step at run time.
     */
    public static void export(MusicNet net, MelNormalizer norm, Path dir, double temperature) throws IOException {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive, not " + temperature);
        }
        MusicModelSpec spec = net.spec();
        Map<String, float[]> p = new HashMap<>();
        for (Pair<String, Parameter> e : net.getParameters()) {
            // DJL prefixes child parameters with a two-digit position: "01conv1_weight".
            p.put(e.getKey().substring(2), e.getValue().getArray().toFloatArray());
        }
        TensorBundleWriter w = new TensorBundleWriter().model(spec.toJson());
        w.add(MusicModelSpec.INPUT_MEAN, spec.shapeOf(MusicModelSpec.INPUT_MEAN), norm.mean());
        w.add(MusicModelSpec.INPUT_STD, spec.shapeOf(MusicModelSpec.INPUT_STD), norm.std());
        for (int i = 0; i < spec.convLayers(); i++) {
            String c = "conv" + (i + 1) + "_";
            String b = "bn" + (i + 1) + "_";
            float[] weight = get(p, c + "weight");
            float[] bias = get(p, c + "bias");
            float[] gamma = get(p, b + "gamma");
            float[] beta = get(p, b + "beta");
            float[] mean = get(p, b + "runningMean");
            float[] var = get(p, b + "runningVar");
            int out = spec.convChannels(i);
            int per = weight.length / out;
            float[] fw = new float[weight.length];
            float[] fb = new float[out];
            for (int o = 0; o < out; o++) {
                double scale = gamma[o] / Math.sqrt((double) var[o] + MusicNet.BN_EPSILON);
                for (int k = 0; k < per; k++) {
                    fw[o * per + k] = (float) (weight[o * per + k] * scale);
                }
                fb[o] = (float) ((bias[o] - (double) mean[o]) * scale + beta[o]);
            }
            w.add(MusicModelSpec.convWeight(i), spec.shapeOf(MusicModelSpec.convWeight(i)), fw);
            w.add(MusicModelSpec.convBias(i), spec.shapeOf(MusicModelSpec.convBias(i)), fb);
        }
        float[] bIh = get(p, "lstm_l_0_i2h_BIAS");
        float[] bHh = get(p, "lstm_l_0_h2h_BIAS");
        float[] bias = new float[bIh.length];
        for (int i = 0; i < bias.length; i++) {
            bias[i] = bIh[i] + bHh[i];
        }
        w.add(MusicModelSpec.LSTM_WEIGHT_IH, spec.shapeOf(MusicModelSpec.LSTM_WEIGHT_IH), get(p, "lstm_l_0_i2h_WEIGHT"));
        w.add(MusicModelSpec.LSTM_WEIGHT_HH, spec.shapeOf(MusicModelSpec.LSTM_WEIGHT_HH), get(p, "lstm_l_0_h2h_WEIGHT"));
        w.add(MusicModelSpec.LSTM_BIAS, spec.shapeOf(MusicModelSpec.LSTM_BIAS), bias);
        w.add(MusicModelSpec.STYLE_WEIGHT, spec.shapeOf(MusicModelSpec.STYLE_WEIGHT),
                divided(get(p, "style_weight"), temperature));
        w.add(MusicModelSpec.STYLE_BIAS, spec.shapeOf(MusicModelSpec.STYLE_BIAS),
                divided(get(p, "style_bias"), temperature));
        w.add(MusicModelSpec.VISUAL_WEIGHT, spec.shapeOf(MusicModelSpec.VISUAL_WEIGHT), get(p, "visual_weight"));
        w.add(MusicModelSpec.VISUAL_BIAS, spec.shapeOf(MusicModelSpec.VISUAL_BIAS), get(p, "visual_bias"));
        w.write(dir);
    }

    /**
     * Exports a training checkpoint: a checkpoint folder, or a training output folder (its best-validation
     * checkpoint when one is marked, else its newest). Returns the checkpoint folder used.
     */
    public static Path exportCheckpoint(Path checkpoint, Path out) throws IOException {
        return exportCheckpoint(checkpoint, out, 1.0);
    }

    /** As {@link #exportCheckpoint(Path, Path)}, with a calibration temperature folded into the style head. */
    public static Path exportCheckpoint(Path checkpoint, Path out, double temperature) throws IOException {
        Path dir = checkpointOf(checkpoint);
        MusicCheckpoint.State state = MusicCheckpoint.readState(dir);
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            export(MusicCheckpoint.loadNet(dir, m), state.normalizer(), out, temperature);
        }
        return dir;
    }

    /** The engine-core model of an exported bundle folder (manifest.json + weights.bin). */
    public static MusicModel loadBundle(Path dir) throws IOException {
        return MusicModel.load(Files.readString(dir.resolve("manifest.json")),
                Files.readAllBytes(dir.resolve("weights.bin")));
    }

    static Path checkpointOf(Path checkpoint) throws IOException {
        if (Files.isRegularFile(checkpoint.resolve("state.json"))) {
            return checkpoint;
        }
        Path dir = MusicCheckpoint.best(checkpoint);
        if (dir == null) {
            dir = MusicCheckpoint.latest(checkpoint);
        }
        if (dir == null) {
            throw new IOException("no checkpoint in " + checkpoint);
        }
        return dir;
    }

    private static float[] divided(float[] v, double by) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / by);
        }
        return out;
    }

    private static float[] get(Map<String, float[]> p, String name) {
        float[] v = p.get(name);
        if (v == null) {
            throw new IllegalArgumentException("MusicNet has no parameter " + name + " (have " + p.keySet() + ")");
        }
        return v;
    }

    /**
     * {@code MusicModelExporter --checkpoint <training out dir | checkpoint dir> --out <bundle dir> [--manifest
     * music-manifest.csv] [--audio-dir DIR] [--features-dir DIR] [--no-eval]}: writes manifest.json and weights.bin;
     * then, when the training folder has a training-summary.json (and unless --no-eval), evaluates the bundle on the
     * corpus manifest's test split and writes model-card.json and model-card.md next to it.
     */
    public static void main(String[] args) throws Exception {
        Path checkpoint = null;
        Path out = null;
        Path manifest = null;
        Path audioDir = ManifestCorpus.defaultAudioDir();
        Path featureDir = null;
        // The shipped recipe on package groups, the same network without a teacher on the same groups, and that
        // network leave-one-package-out (each fold costs minutes with a teacher, seconds without).
        List<Path> heldOut = List.of(Path.of("runs/heldout-distilled-g5"), Path.of("runs/heldout-student-plain-g5"),
                Path.of("runs/heldout-student-plain"));
        boolean eval = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--no-eval")) {
                eval = false;
                continue;
            }
            if (i + 1 >= args.length) {
                usage();
            }
            String v = args[++i];
            switch (a) {
                case "--checkpoint" -> checkpoint = Path.of(v);
                case "--out" -> out = Path.of(v);
                case "--manifest" -> manifest = Path.of(v);
                case "--audio-dir" -> audioDir = Path.of(v);
                case "--features-dir" -> featureDir = Path.of(v);
                case "--heldout" -> heldOut = java.util.Arrays.stream(v.split(",")).map(Path::of).toList();
                default -> usage();
            }
        }
        if (checkpoint == null || out == null) {
            usage();
        }
        Path used = checkpointOf(checkpoint);
        Path summaryFile = used.getParent().getParent().resolve(TrainingSummary.FILE);
        if (!eval || !Files.isRegularFile(summaryFile)) {
            exportCheckpoint(used, out);
            System.out.println("exported " + used + " to " + out + "; no evaluation or calibration ("
                    + (eval ? "no " + summaryFile : "--no-eval") + ")");
            return;
        }
        JsonNode summary = new ObjectMapper().readTree(summaryFile.toFile());
        ManifestCorpus corpus = ManifestCorpus.load(manifest, audioDir);
        if (!corpus.sha256().equals(summary.path("corpus").path("manifestSha256").asText())) {
            throw new IllegalStateException("the corpus manifest differs from the one the model was trained on");
        }
        FeatureCache cache = featureDir == null ? FeatureCache.defaultCache() : new FeatureCache(featureDir);
        int segment = summary.path("config").path("patchFrames").asInt(256);
        Calibration calibration = calibrate(used, out, corpus, cache);
        System.out.println("exported " + used + " to " + out + " with temperature " + calibration.temperature());
        MusicModel model = loadBundle(out);
        MusicModelEvaluator.Metrics m = MusicModelEvaluator.evaluate(model, corpus, cache, segment);
        ObjectNode card = ModelCard.build(out, model.spec(), summary, MusicModelEvaluator.toJson(m),
                used.getFileName().toString());
        ObjectNode cal = card.putObject("calibration");
        cal.put("temperature", calibration.temperature());
        cal.put("fittedOn", "validation split, " + calibration.validationSegments() + " segments");
        cal.put("eceTestBefore", calibration.eceTestBefore());
        cal.put("eceTestAfter", calibration.eceTestAfter());
        com.fasterxml.jackson.databind.node.ArrayNode lopo = card.putArray("leaveOnePackageOut");
        StringBuilder lopoMarkdown = new StringBuilder();
        for (Path dir : heldOut) {
            if (Files.isRegularFile(dir.resolve("report.json"))) {
                lopo.add(new ObjectMapper().readTree(dir.resolve("report.json").toFile()));
                String md = Files.readString(dir.resolve("report.md"));
                lopoMarkdown.append(md.substring(md.indexOf('\n') + 1).strip()).append("\n\n");
            }
        }
        card.put("leaveOnePackageOutMarkdown", lopoMarkdown.toString());
        List<FrameFeatures> testTracks = new ArrayList<>();
        for (CorpusTrack t : corpus.tracks(Split.TEST)) {
            testTracks.add(cache.get(corpus.audio(t)).frames());
        }
        ExportParity.Result parity = ExportParity.measure(used, model, testTracks, calibration.temperature());
        ObjectNode p = card.putObject("parity");
        p.put("what", "DJL forward pass of the checkpoint vs engine-core (HotSpot) running the bundle, whole test tracks");
        p.put("clips", parity.clips());
        p.put("maxAbsStyle", parity.maxStyle());
        p.put("maxAbsVisual", parity.maxVisual());
        ModelCard.write(out, card);
        System.out.println(ModelCard.markdown(card));
    }

    /** The temperature and its effect: fitted on the validation split, measured on the test split. */
    record Calibration(double temperature, int validationSegments, double eceTestBefore, double eceTestAfter) {
    }

    /**
     * Exports the checkpoint, fits the style temperature on the engine's readings of the validation split and
     * exports again with the temperature folded in.
     */
    static Calibration calibrate(Path checkpoint, Path out, ManifestCorpus corpus, FeatureCache cache)
            throws Exception {
        exportCheckpoint(checkpoint, out);
        MusicModel raw = loadBundle(out);
        List<SegmentPrediction> val = ModelSegments.read(raw, "validation", corpus.tracks(Split.VALIDATION), corpus,
                cache);
        List<SegmentPrediction> test = ModelSegments.read(raw, "test", corpus.tracks(Split.TEST), corpus, cache);
        double t = TemperatureScaling.fit(val);
        exportCheckpoint(checkpoint, out, t);
        return new Calibration(t, val.size(), StyleScores.expectedCalibrationError(test),
                StyleScores.expectedCalibrationError(TemperatureScaling.apply(test, t)));
    }

    private static void usage() {
        System.err.println("usage: MusicModelExporter --checkpoint <dir> --out <bundle dir> [--manifest CSV]"
                + " [--audio-dir DIR] [--features-dir DIR] [--heldout DIR,DIR (default runs/heldout-distilled-g5,runs/heldout-student-plain-g5,runs/heldout-student-plain)] [--no-eval]");
        System.exit(2);
    }
}
