package dev.aivj.export.heldout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.model.MusicModel;
import dev.aivj.engine.model.MusicModelSpec;
import dev.aivj.export.MusicModelExporter;
import dev.aivj.training.corpus.CorpusTrack;
import dev.aivj.training.corpus.EvidenceGrade;
import dev.aivj.training.corpus.Style;
import dev.aivj.training.music.FeatureCache;
import dev.aivj.training.music.ManifestCorpus;
import dev.aivj.training.music.StyleDistillation;
import dev.aivj.training.music.TeacherEnsemble;
import dev.aivj.training.music.UnlabelledPool;
import dev.aivj.training.music.MusicModelTrainer;
import dev.aivj.training.music.TeacherMapping;
import dev.aivj.training.music.TrackPatchSampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Leave-one-package-out evaluation of the style model recipe ({@link PackageFolds}): per fold, the network is
 * trained from scratch on the other packages (same recipe as the shipped model, a fixed number of epochs since
 * no validation package is left to choose one), exported to an engine bundle and run by engine-core on every
 * 512-frame segment of the held-out package, and the log-mel-statistics baseline ({@link LogMelStatsBaseline})
 * is trained and tested on the same folds. Each fold's predictions are kept in {@code <out>/folds/}, so an
 * interrupted run resumes where it stopped. Writes {@code report.json} and {@code report.md}.
 */
public final class HeldOutEvaluation {
    /** The five core styles, in {@link Style} order: the label set of every fold. */
    static final String[] LABELS = Arrays.stream(Style.values()).filter(Style::isCore).map(Style::id)
            .toArray(String[]::new);
    static final int SEGMENT_FRAMES = ModelSegments.SEGMENT_FRAMES;
    /**
     * Baseline training rows per track, evenly spread, so a long track weighs like a short one; an artist's rows
     * are capped as the network's patches are ({@link TrackPatchSampler#patchesPerTrack}).
     */
    static final int BASELINE_SEGMENTS_PER_TRACK = 12;

    private final ManifestCorpus corpus;
    private final FeatureCache cache;
    private final TeacherMapping teacher;
    private final MusicModelTrainer.Config config;
    private final MusicModelSpec spec;
    /** The shipped recipe's teacher → pseudo-labels → student, or null: the student network trained alone. */
    private final StyleDistillation.Recipe distillation;
    private final List<UnlabelledPool.Track> pool;
    private final Path out;
    private final ObjectMapper json = new ObjectMapper();

    HeldOutEvaluation(ManifestCorpus corpus, FeatureCache cache, TeacherMapping teacher,
            MusicModelTrainer.Config config, MusicModelSpec spec, StyleDistillation.Recipe distillation,
            List<UnlabelledPool.Track> pool, Path out) {
        this.corpus = corpus;
        this.cache = cache;
        this.teacher = teacher;
        this.config = config;
        this.spec = spec;
        this.distillation = distillation;
        this.pool = pool;
        this.out = out;
    }

    /** Runs (or resumes) every fold; returns each fold's stored result. */
    List<JsonNode> run(List<PackageFolds.Fold> folds) throws Exception {
        Files.createDirectories(out.resolve("folds"));
        List<JsonNode> results = new ArrayList<>();
        int i = 0;
        for (PackageFolds.Fold f : folds) {
            i++;
            Path file = out.resolve("folds").resolve(f.heldOut() + ".json");
            if (Files.isRegularFile(file)) {
                JsonNode done = json.readTree(file.toFile());
                if (!done.path("manifestSha256").asText().equals(corpus.sha256())
                        || !done.path("recipe").asText().equals(recipe())) {
                    throw new IllegalStateException(file + " was computed on another manifest or recipe: use another"
                            + " --out folder or delete " + out.resolve("folds"));
                }
                System.out.printf("[%d/%d] %s: done before (%s)%n", i, folds.size(), f.heldOut(), file);
                results.add(done);
                continue;
            }
            long t0 = System.nanoTime();
            System.out.printf("[%d/%d] %s: %d test tracks, %d training tracks%n", i, folds.size(), f.heldOut(),
                    f.test().size(), f.train().size());
            ObjectNode r = json.createObjectNode();
            r.put("fold", f.heldOut());
            r.put("manifestSha256", corpus.sha256());
            r.put("recipe", recipe());
            r.put("trainTracks", f.train().size());
            r.put("packages", String.join(" ", f.packages()));
            network(f, r);
            r.set("baseline", predictionsJson(baseline(f)));
            r.put("seconds", (System.nanoTime() - t0) / 1e9);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            json.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), r);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            System.out.printf("[%d/%d] %s: %.0f s%n", i, folds.size(), f.heldOut(), r.get("seconds").asDouble());
            results.add(r);
        }
        return results;
    }

    /**
     * What a stored fold must have been computed with to be reused: the training config, the network and the
     * distillation recipe with its pool.
     */
    private String recipe() {
        String r = config + " " + spec.toJson();
        return distillation == null ? r : r + " " + distillation + " teacher " + MusicModelSpec.teacher(LABELS).toJson()
                + " pool " + pool.size();
    }

    /**
     * Trains the network on the fold's training tracks (distilled from a teacher trained on them, with the pool
     * less the held-out package) and reads every segment of its test tracks: {@code network}, and with a teacher
     * also {@code teacher} (its own reading, for comparison; never shipped).
     */
    private void network(PackageFolds.Fold f, ObjectNode result) throws Exception {
        Path run = out.resolve("folds").resolve(f.heldOut() + "-run");
        deleteTree(run);
        Path checkpoint;
        if (distillation == null) {
            TrackPatchSampler sampler = MusicModelTrainer.sampler(config, spec);
            for (CorpusTrack t : f.train()) {
                MusicModelTrainer.addTrack(sampler, t, label(t), corpus, spec, teacher, cache);
            }
            checkpoint = new MusicModelTrainer(config, spec, run, line -> { }).train(sampler::epoch, null).checkpoint();
        } else {
            java.util.Set<String> heldOut = f.packages();
            List<UnlabelledPool.Track> unheard = pool.stream().filter(t -> !heldOut.contains(t.packageName()))
                    .toList();
            StyleDistillation.Outcome o = new StyleDistillation(config, distillation, corpus, teacher, cache,
                    HeldOutEvaluation::progress).run(f.train(), HeldOutEvaluation::label, unheard, spec, null, run);
            ObjectNode pseudo = result.putObject("pseudoLabels");
            o.pseudoLabels().forEach(pseudo::put);
            try (TeacherEnsemble ensemble = TeacherEnsemble.load(o.teacherCheckpoints())) {
                result.set("teacher", predictionsJson(teacherSegments(ensemble, f)));
            }
            checkpoint = o.student().checkpoint();
        }
        Path bundle = run.resolve("bundle");
        MusicModelExporter.exportCheckpoint(checkpoint, bundle);
        MusicModel model = MusicModelExporter.loadBundle(bundle);
        deleteTree(run);
        result.set("network", predictionsJson(ModelSegments.read(model, f.heldOut(), f.test(), corpus, cache)));
    }

    /** Distillation's stage lines (not its per-batch ones). */
    private static void progress(String line) {
        if (!line.startsWith("epoch") && !line.startsWith("checkpoint")) {
            System.out.println("  " + line);
        }
    }

    /** The teacher's reading of every segment of the fold's test tracks. */
    private List<SegmentPrediction> teacherSegments(TeacherEnsemble ensemble, PackageFolds.Fold f) throws Exception {
        List<SegmentPrediction> p = new ArrayList<>();
        for (CorpusTrack t : f.test()) {
            float[] probs = ensemble.segmentProbabilities(cache.get(corpus.audio(t)).frames(), SEGMENT_FRAMES);
            for (int s = 0; s < probs.length; s += LABELS.length) {
                double[] d = new double[LABELS.length];
                for (int k = 0; k < d.length; k++) {
                    d[k] = probs[s + k];
                }
                p.add(new SegmentPrediction(f.heldOut(), t.audio(), label(t), d));
            }
        }
        return p;
    }

    private List<SegmentPrediction> baseline(PackageFolds.Fold f) throws Exception {
        List<double[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        Map<String, Integer> perArtist = new HashMap<>();
        f.train().forEach(t -> perArtist.merge(t.artist(), 1, Integer::sum));
        for (CorpusTrack t : f.train()) {
            FrameFeatures frames = cache.get(corpus.audio(t)).frames();
            int count = frames.frames() / SEGMENT_FRAMES;
            int take = Math.min(count, TrackPatchSampler.patchesPerTrack(BASELINE_SEGMENTS_PER_TRACK,
                    perArtist.get(t.artist())));
            for (int k = 0; k < take; k++) {
                int start = (int) ((long) k * count / take) * SEGMENT_FRAMES;
                x.add(LogMelStatsBaseline.features(frames, start, SEGMENT_FRAMES));
                y.add(label(t));
            }
        }
        LogMelStatsBaseline model = LogMelStatsBaseline.train(x, y.stream().mapToInt(Integer::intValue).toArray(),
                LABELS.length);
        List<SegmentPrediction> p = new ArrayList<>();
        for (CorpusTrack t : f.test()) {
            FrameFeatures frames = cache.get(corpus.audio(t)).frames();
            for (int start = 0; start + SEGMENT_FRAMES <= frames.frames(); start += SEGMENT_FRAMES) {
                p.add(new SegmentPrediction(f.heldOut(), t.audio(), label(t),
                        model.probabilities(LogMelStatsBaseline.features(frames, start, SEGMENT_FRAMES))));
            }
        }
        return p;
    }

    private static int label(CorpusTrack t) {
        return Arrays.asList(LABELS).indexOf(t.style().id());
    }

    private ArrayNode predictionsJson(List<SegmentPrediction> predictions) {
        ArrayNode a = json.createArrayNode();
        for (SegmentPrediction p : predictions) {
            ObjectNode o = a.addObject();
            o.put("track", p.track());
            o.put("truth", p.truth());
            ArrayNode probs = o.putArray("p");
            for (double v : p.probabilities()) {
                probs.add(Math.round(v * 1e6) / 1e6);
            }
        }
        return a;
    }

    static List<SegmentPrediction> predictions(List<JsonNode> folds, String which) {
        List<SegmentPrediction> out = new ArrayList<>();
        for (JsonNode f : folds) {
            for (JsonNode o : f.get(which)) {
                double[] p = new double[o.get("p").size()];
                for (int k = 0; k < p.length; k++) {
                    p[k] = o.get("p").get(k).asDouble();
                }
                out.add(new SegmentPrediction(f.get("fold").asText(), o.get("track").asText(), o.get("truth").asInt(),
                        p));
            }
        }
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * {@code HeldOutEvaluation [--out runs/heldout-style] [--manifest CSV] [--audio-dir DIR] [--epochs N]
     * [--patches-per-track N] [--seed S] [--without-synthetic] [--without-distillation] [--folds pkg,pkg] [--package-groups N] [--full-frame-rate]}: with
     * {@code --package-groups}, N folds each holding out a group of packages ({@link PackageFolds#grouped}).
     */
    public static void main(String[] args) throws Exception {
        Path outDir = Path.of("runs/heldout-style");
        Path manifest = null;
        Path audioDir = ManifestCorpus.defaultAudioDir();
        MusicModelTrainer.Config c = MusicModelTrainer.Config.defaults();
        boolean withoutSynthetic = false;
        boolean plain = false;
        MusicModelSpec spec = MusicModelSpec.defaults(LABELS);
        Set<String> only = null;
        int groups = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--without-synthetic")) {
                withoutSynthetic = true;
                continue;
            }
            if (a.equals("--without-distillation")) {
                plain = true;
                continue;
            }
            if (a.equals("--full-frame-rate")) {
                spec = spec.withInputPool(1); // the shipped layers without their input pool, for comparison
                continue;
            }
            if (i + 1 >= args.length) {
                usage("missing value for " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--out" -> outDir = Path.of(v);
                case "--manifest" -> manifest = Path.of(v);
                case "--audio-dir" -> audioDir = Path.of(v);
                case "--epochs" -> c = c.withEpochs(Integer.parseInt(v));
                case "--seed" -> c = c.withSeed(Long.parseLong(v));
                case "--patches-per-track" -> c = c.withPatchesPerTrack(Integer.parseInt(v));
                case "--folds" -> only = Set.of(v.split(","));
                case "--package-groups" -> groups = Integer.parseInt(v);
                default -> usage("unknown option " + a);
            }
        }
        ManifestCorpus corpus = ManifestCorpus.load(manifest, audioDir);
        boolean dropSynthetic = withoutSynthetic;
        Predicate<CorpusTrack> use = t -> t.style().isCore()
                && !(dropSynthetic && t.grade() == EvidenceGrade.SYNTHETIC);
        Predicate<CorpusTrack> real = t -> t.grade() != EvidenceGrade.SYNTHETIC;
        List<PackageFolds.Fold> folds = new ArrayList<>(groups > 0
                ? PackageFolds.grouped(corpus.manifest().tracks(), use, real, groups)
                : PackageFolds.of(corpus.manifest().tracks(), use, real));
        if (only != null) {
            Set<String> keep = only;
            folds.removeIf(f -> !keep.contains(f.heldOut()));
        }
        HeldOutEvaluation e = new HeldOutEvaluation(corpus, FeatureCache.defaultCache().keepingInMemory(),
                TeacherMapping.load(null), c, spec, plain ? null : StyleDistillation.Recipe.defaults(),
                UnlabelledPool.bundled(), outDir);
        List<JsonNode> results = e.run(folds);
        HeldOutReport.write(outDir, corpus, c, withoutSynthetic, LABELS, results);
    }

    private static void usage(String problem) {
        System.err.println("evaluate-style: " + problem);
        System.err.println("usage: ./aivj evaluate-style [--out DIR] [--manifest CSV] [--audio-dir DIR] [--epochs N]"
                + " [--patches-per-track N] [--seed S] [--without-synthetic] [--without-distillation] [--folds PKG,PKG]"
                + " [--package-groups N] [--full-frame-rate]");
        System.exit(2);
    }
}
