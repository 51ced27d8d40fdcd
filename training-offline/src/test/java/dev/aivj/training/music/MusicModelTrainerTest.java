package dev.aivj.training.music;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.audioio.AudioFileDecoder;
import dev.aivj.audioio.DecodedAudio;
import dev.aivj.audioio.MusicCache;
import dev.aivj.engine.AudioAnalyzer;
import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.model.MusicModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PLUMBING test, not a model: real clips with MADE-UP labels train for 1–2 epochs to check that the trainer
 * runs, is deterministic for a seed, reports progress with an ETA, writes checkpoints and resumes exactly.
 */
class MusicModelTrainerTest {
    private static final String[] LABELS = {"rock", "edm", "ambient"};
    private static MusicExamples train;
    private static MusicExamples val;

    @BeforeAll
    static void data() throws Exception {
        train = new MusicExamples(128, 64);
        val = new MusicExamples(128, 64);
        String[] songs = {"Metal madness", "Escape from chaosland", "Feelings"};
        for (int i = 0; i < songs.length; i++) {
            FrameFeatures f = analyse(MusicCache.sectoidSong(songs[i]), 20, 40);
            train.add(f, i, i == 0 ? new float[] {1, 0, .5f, 1, .5f, .5f, .8f, .5f, .5f} : null, songs[i], 0, 12);
            val.add(f, i, null, songs[i], 14, 20);
        }
        FrameFeatures clip = analyse(MusicCache.clip("wav"), 0, 10);
        train.add(clip, 0, null, "clip", 0, 10);
    }

    private static FrameFeatures analyse(Path file, double from, double to) throws Exception {
        DecodedAudio a = AudioFileDecoder.decode(file);
        int c = a.channels();
        float[] pcm = Arrays.copyOfRange(a.interleaved(), (int) (from * a.sampleRate()) * c,
                (int) (to * a.sampleRate()) * c);
        return new AudioAnalyzer().analyze(pcm, c, a.sampleRate()).frames();
    }

    private static MusicModelTrainer trainer(Path out, int epochs, List<String> log) {
        MusicModelTrainer.Config c = new MusicModelTrainer.Config(128, 64, 8, epochs, 1e-3f, 7, 0.5f, 2);
        return new MusicModelTrainer(c, MusicModelSpec.defaults(LABELS), out, log::add);
    }

    @Test
    void deterministicWithProgressCheckpointsAndExactResume(@TempDir Path dir) throws Exception {
        assertTrue(train.size() >= 16 && val.size() >= 3, train.size() + " / " + val.size());
        List<String> log = new ArrayList<>();
        MusicModelTrainer.Result straight = trainer(dir.resolve("a"), 2, log).train(train, val);
        log.forEach(System.out::println);
        assertEquals(2, straight.trainLoss().length);
        assertTrue(log.stream().anyMatch(l -> l.matches("epoch 1/2 batch \\d+/\\d+ loss [0-9.]+ elapsed \\d\\d:\\d\\d ETA \\d\\d:\\d\\d")),
                "progress lines with ETA");
        assertTrue(Files.isRegularFile(dir.resolve("a/checkpoints/epoch-0001/params.ndlist")));
        assertTrue(Files.isRegularFile(dir.resolve("a/checkpoints/epoch-0002/state.json")));
        assertEquals(dir.resolve("a/checkpoints/epoch-0002"), MusicCheckpoint.latest(dir.resolve("a")));

        // Same seed, 1 epoch, then a fresh trainer resumes for epoch 2: same losses and same parameters.
        MusicModelTrainer.Result first = trainer(dir.resolve("b"), 1, new ArrayList<>()).train(train, val);
        assertEquals(straight.trainLoss()[0], first.trainLoss()[0], 0.0, "deterministic for a seed");
        List<String> resumeLog = new ArrayList<>();
        MusicModelTrainer.Result resumed = trainer(dir.resolve("b"), 2, resumeLog).train(train, val);
        assertEquals(2, resumed.firstEpoch());
        assertTrue(resumeLog.get(0).startsWith("resumed from"), resumeLog.get(0));
        assertArrayEquals(straight.trainLoss(), resumed.trainLoss(), 0.0);
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/checkpoints/epoch-0002/params.ndlist")),
                Files.readAllBytes(dir.resolve("b/checkpoints/epoch-0002/params.ndlist")), "resume is exact");
    }

    @Test
    void teacherEnsembleAveragesItsMembersAndDistillationUsesIt(@TempDir Path dir) throws Exception {
        MusicModelTrainer.Config c = new MusicModelTrainer.Config(128, 64, 8, 1, 1e-3f, 7, 0.5f, 2);
        MusicModelSpec teacherSpec = MusicModelSpec.teacher(LABELS);
        Path a = new MusicModelTrainer(c, teacherSpec, dir.resolve("ta"), l -> { }).train(train, val).checkpoint();
        Path b = new MusicModelTrainer(c.withSeed(8), teacherSpec, dir.resolve("tb"), l -> { }).train(train, val)
                .checkpoint();
        List<float[]> patches = val.examples().stream().map(MusicExamples.Example::logMel).toList();
        float[] both;
        float[] pa;
        float[] pb;
        try (TeacherEnsemble e = TeacherEnsemble.load(List.of(a, b));
                TeacherEnsemble ea = TeacherEnsemble.load(List.of(a));
                TeacherEnsemble eb = TeacherEnsemble.load(List.of(b))) {
            both = e.patchProbabilities(patches, 128);
            pa = ea.patchProbabilities(patches, 128);
            pb = eb.patchProbabilities(patches, 128);
            assertEquals(2, e.size());
            // A track's segments, read in batches, match reading each segment alone; the track is their mean.
            FrameFeatures clip = analyse(MusicCache.clip("wav"), 0, 10);
            float[] segments = e.segmentProbabilities(clip, 128);
            int count = clip.frames() / 128;
            assertEquals(count * LABELS.length, segments.length);
            float[] track = e.trackProbabilities(clip, 128);
            for (int k = 0; k < count; k++) {
                float[] alone = e.patchProbabilities(List.of(Arrays.copyOfRange(clip.logMel(), k * 128 * 64,
                        (k + 1) * 128 * 64)), 128);
                for (int l = 0; l < LABELS.length; l++) {
                    assertEquals(alone[l], segments[k * LABELS.length + l], 1e-5, "segment " + k);
                }
            }
            for (int l = 0; l < LABELS.length; l++) {
                double mean = 0;
                for (int k = 0; k < count; k++) {
                    mean += segments[k * LABELS.length + l] / count;
                }
                assertEquals(mean, track[l], 1e-5);
            }
        }
        assertEquals(patches.size() * LABELS.length, both.length);
        double apart = 0;
        for (int i = 0; i < both.length; i++) {
            assertEquals((pa[i] + pb[i]) / 2, both[i], 1e-5, "the ensemble is its members' mean");
            apart = Math.max(apart, Math.abs(pa[i] - pb[i]));
        }
        assertTrue(apart > 1e-3, "two seeds give two different teachers");
        for (int p = 0; p < patches.size(); p++) {
            float sum = 0;
            for (int l = 0; l < LABELS.length; l++) {
                sum += both[p * LABELS.length + l];
            }
            assertEquals(1, sum, 1e-5);
        }

        // A student with hard-label weight 1 learns exactly what a plain one does; with 0.5 the teacher changes it.
        double plain = trainer(dir.resolve("s0"), 1, new ArrayList<>()).train(train, val).trainLoss()[0];
        try (TeacherEnsemble e = TeacherEnsemble.load(List.of(a, b))) {
            double hard = trainer(dir.resolve("s1"), 1, new ArrayList<>()).distillingFrom(e, 1f).train(train, val)
                    .trainLoss()[0];
            double mixed = trainer(dir.resolve("s2"), 1, new ArrayList<>()).distillingFrom(e, 0.5f).train(train, val)
                    .trainLoss()[0];
            assertEquals(plain, hard, 0.0);
            assertTrue(Math.abs(mixed - plain) > 1e-4, plain + " vs " + mixed);
        }
    }
}
