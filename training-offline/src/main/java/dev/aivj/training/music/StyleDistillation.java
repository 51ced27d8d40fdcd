package dev.aivj.training.music;

import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.model.MusicModelSpec;
import dev.aivj.training.corpus.CorpusTrack;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * Teacher → pseudo-labels → student, the recipe of the shipped style model:
 * <ol>
 *   <li>the teacher: {@link Recipe#teachers} networks of {@link MusicModelSpec#teacher} (larger, full frame rate),
 *       each trained with another seed and the same augmentation as the student, averaged
 *       ({@link TeacherEnsemble});</li>
 *   <li>pseudo-labels: every unlabelled pool track whose whole-track teacher reading is at least
 *       {@link Recipe#confidence} joins the student's training tracks (its package stands in for its artist in the
 *       per-artist cap);</li>
 *   <li>the student (the shipped, cheaper network) is trained on labelled and pseudo-labelled patches against the
 *       teacher's probabilities for the same augmented patch, mixed with the label where there is one.</li>
 * </ol>
 * Every stage resumes from its checkpoints: the student's in {@code out}, the teachers' in
 * {@code out/teachers/teacher-K}.
 */
public final class StyleDistillation {
    /**
     * @param teachers ensemble members
     * @param confidence whole-track teacher probability a pool track needs to be pseudo-labelled
     * @param hardLabelWeight weight of the label against the teacher's probabilities on labelled patches
     */
    public record Recipe(int teachers, float confidence, float hardLabelWeight) {
        public static Recipe defaults() {
            return new Recipe(2, 0.5f, 0.5f);
        }
    }

    /** What a run produced: the student's training result and how many pool tracks got each label. */
    public record Outcome(MusicModelTrainer.Result student, int studentPatchesPerEpoch, List<Path> teacherCheckpoints,
            Map<String, Integer> pseudoLabels, int poolTracks) {
        /** For the training summary: the recipe, the teachers and the pseudo-labels. */
        public com.fasterxml.jackson.databind.node.ObjectNode toJson(Recipe recipe, String[] labels) {
            com.fasterxml.jackson.databind.node.ObjectNode o = new com.fasterxml.jackson.databind.ObjectMapper()
                    .createObjectNode();
            o.put("teachers", recipe.teachers());
            o.put("teacherModel", MusicModelSpec.teacher(labels).toJson());
            o.put("pseudoLabelConfidence", recipe.confidence());
            o.put("hardLabelWeight", recipe.hardLabelWeight());
            o.put("poolTracks", poolTracks);
            com.fasterxml.jackson.databind.node.ObjectNode p = o.putObject("pseudoLabels");
            pseudoLabels.forEach(p::put);
            return o;
        }
    }

    private final MusicModelTrainer.Config config;
    private final Recipe recipe;
    private final ManifestCorpus corpus;
    private final TeacherMapping visualTargets;
    private final FeatureCache cache;
    private final Consumer<String> log;

    public StyleDistillation(MusicModelTrainer.Config config, Recipe recipe, ManifestCorpus corpus,
            TeacherMapping visualTargets, FeatureCache cache, Consumer<String> log) {
        this.config = config;
        this.recipe = recipe;
        this.corpus = corpus;
        this.visualTargets = visualTargets;
        this.cache = cache;
        this.log = log;
    }

    /**
     * Runs the recipe on {@code labelled} (labels from {@code label}) and the {@code pool}; the student's spec is
     * {@code studentSpec}, the teacher's {@link MusicModelSpec#teacher} on the same labels; {@code val} (or null)
     * chooses the student's best epoch.
     */
    public Outcome run(List<CorpusTrack> labelled, ToIntFunction<CorpusTrack> label, List<UnlabelledPool.Track> pool,
            MusicModelSpec studentSpec, MusicExamples val, Path out)
            throws Exception {
        MusicModelSpec teacherSpec = MusicModelSpec.teacher(studentSpec.labels());
        List<Path> members = new ArrayList<>();
        for (int k = 0; k < recipe.teachers(); k++) {
            MusicModelTrainer.Config c = config.withSeed(config.seed() + 101L * (k + 1));
            TrackPatchSampler s = labelledSampler(c, teacherSpec, labelled, label);
            log.accept("teacher " + (k + 1) + "/" + recipe.teachers() + ": " + s.tracks().size() + " tracks");
            members.add(new MusicModelTrainer(c, teacherSpec, out.resolve("teachers").resolve("teacher-" + (k + 1)), log)
                    .train(s::epoch, null).checkpoint());
        }
        try (TeacherEnsemble teacher = TeacherEnsemble.load(members)) {
            TrackPatchSampler student = labelledSampler(config, studentSpec, labelled, label);
            Map<String, Integer> pseudo = pseudoLabel(teacher, pool, student, studentSpec);
            MusicModelTrainer.Result r = new MusicModelTrainer(config, studentSpec, out, log)
                    .distillingFrom(teacher, recipe.hardLabelWeight()).train(student::epoch, val);
            return new Outcome(r, student.patchesPerEpoch(), members, pseudo, pool.size());
        }
    }

    /**
     * Adds every pool track the teacher reads at {@link Recipe#confidence} or more to {@code student}, labelled with
     * the teacher's reading; returns how many got each label.
     */
    private Map<String, Integer> pseudoLabel(TeacherEnsemble teacher, List<UnlabelledPool.Track> pool,
            TrackPatchSampler student, MusicModelSpec studentSpec) throws IOException {
        String[] labels = studentSpec.labels();
        Map<String, Integer> pseudo = new LinkedHashMap<>();
        for (String l : labels) {
            pseudo.put(l, 0);
        }
        int unreadable = 0;
        int[] sureness = new int[10]; // pool tracks per tenth of the teacher's top probability
        for (UnlabelledPool.Track t : pool) {
            FrameFeatures f;
            try {
                f = cache.get(corpus.audioDir().resolve(t.audio())).frames();
            } catch (dev.aivj.audioio.AudioDecodeException e) {
                // Unlabelled extras are optional: one the decoder refuses is reported and left out.
                log.accept("pool track left out: " + e.getMessage());
                unreadable++;
                continue;
            }
            float[] p = teacher.trackProbabilities(f, config.patchFrames());
            if (p == null) {
                continue; // shorter than one segment
            }
            int best = argmax(p);
            sureness[Math.min(9, (int) (p[best] * 10))]++;
            if (p[best] < recipe.confidence()) {
                continue;
            }
            float[] targets = visualTargets.stepTargets(labels[best], f, studentSpec.framesPerStep());
            if (student.add(new TrackPatchSampler.Track(t.audio(), f, best, targets, "pool:" + t.packageName(),
                    true))) {
                pseudo.merge(labels[best], 1, Integer::sum);
            }
        }
        log.accept("pseudo-labelled " + pseudo + " of " + pool.size() + " pool tracks (teacher ≥ "
                + recipe.confidence() + "; " + unreadable + " unreadable); tracks per tenth of the teacher's top"
                + " probability: " + java.util.Arrays.toString(sureness));
        return pseudo;
    }

    private TrackPatchSampler labelledSampler(MusicModelTrainer.Config c, MusicModelSpec spec,
            List<CorpusTrack> tracks, ToIntFunction<CorpusTrack> label)
            throws IOException, dev.aivj.audioio.AudioDecodeException {
        TrackPatchSampler s = MusicModelTrainer.sampler(c, spec);
        for (CorpusTrack t : tracks) {
            MusicModelTrainer.addTrack(s, t, label.applyAsInt(t), corpus, spec, visualTargets, cache);
        }
        return s;
    }

    private static int argmax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }
}
