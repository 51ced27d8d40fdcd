package dev.aivj.training.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.engine.model.MusicModelSpec;
import dev.aivj.training.corpus.CorpusTrack;
import dev.aivj.training.corpus.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The trainer's data path: the committed manifest, its split, and that no test track is ever trained on. */
class ManifestCorpusTest {
    private static ManifestCorpus bundled() throws Exception {
        return ManifestCorpus.load(null, ManifestCorpus.defaultAudioDir());
    }

    @Test
    void usesTheManifestSplitAndLabelsFromTrainStyles() throws Exception {
        ManifestCorpus c = bundled();
        assertEquals(c.manifest().tracks().size(), c.tracks(Split.TRAIN).size() + c.tracks(Split.VALIDATION).size()
                + c.tracks(Split.TEST).size());
        assertFalse(c.tracks(Split.TEST).isEmpty());
        for (CorpusTrack t : c.tracks(Split.TRAIN)) {
            assertEquals(t.style().isCore(), c.labelOf(t.style()) >= 0, "only the core styles are labels");
        }
        assertEquals(List.of("edm", "classical", "rock", "ambient", "chiptune"), List.of(c.labelIds()));
        for (CorpusTrack t : c.tracks(Split.TEST)) {
            assertTrue(c.labelOf(t.style()) >= 0, "test style " + t.style() + " has no training track");
        }
        assertEquals(64, c.sha256().length());
    }

    @Test
    void testTracksShareNoAudioOrAlbumWithTrain() throws Exception {
        ManifestCorpus c = bundled();
        Set<String> train = new HashSet<>();
        c.tracks(Split.TRAIN).forEach(t -> train.add(t.audio()));
        c.tracks(Split.TRAIN).forEach(t -> train.add(t.albumKey()));
        for (CorpusTrack t : c.tracks(Split.TEST)) {
            assertFalse(train.contains(t.audio()) || train.contains(t.albumKey()), t.audio());
        }
    }

    @Test
    void refusesToTrainOnATestTrack() throws Exception {
        ManifestCorpus c = bundled();
        CorpusTrack test = c.tracks(Split.TEST).get(0);
        MusicExamples into = new MusicExamples(256, 128);
        assertThrows(IllegalArgumentException.class, () -> MusicModelTrainer.add(into, test, c,
                MusicModelSpec.defaults(c.labelIds()), TeacherMapping.load(null), FeatureCache.defaultCache()));
        assertEquals(0, into.size());
    }

    /** Builds the real training examples (needs the fetched corpus; fast once the feature cache is warm). */
    @Test
    void noSegmentOfATestTrackIsInTheTrainingOrValidationExamples() throws Exception {
        ManifestCorpus c = bundled();
        Assumptions.assumeTrue(Files.isDirectory(c.audioDir()), "corpus not fetched: " + c.audioDir());
        for (CorpusTrack t : c.manifest().tracks()) {
            Assumptions.assumeTrue(Files.isRegularFile(c.audio(t)), "missing " + c.audio(t));
        }
        MusicModelTrainer.Config cfg = MusicModelTrainer.Config.defaults();
        MusicModelTrainer.TrainingData data = MusicModelTrainer.examples(c, cfg, MusicModelSpec.defaults(c.labelIds()),
                TeacherMapping.load(null), FeatureCache.defaultCache(), s -> { });
        MusicExamples[] ex = {data.train().epoch(1), data.val()};
        Set<String> testAudio = new HashSet<>();
        c.tracks(Split.TEST).forEach(t -> testAudio.add(t.audio()));
        Set<String> trainAudio = new HashSet<>();
        c.tracks(Split.TRAIN).forEach(t -> trainAudio.add(t.audio()));
        assertTrue(ex[0].size() > 0 && ex[1].size() > 0);
        for (MusicExamples.Example e : ex[0].examples()) {
            String audio = e.source().substring(0, e.source().lastIndexOf('@'));
            assertFalse(testAudio.contains(audio), "test segment trained on: " + e.source());
            assertTrue(trainAudio.contains(audio), "non-train segment in train: " + e.source());
            assertEquals(cfg.patchFrames() / 4 * 9, e.visualTarget().length);
            assertTrue(e.logMel().length >= cfg.patchFrames() * 64, "a patch is at least patchFrames long");
        }
        for (MusicExamples.Example e : ex[1].examples()) {
            assertFalse(testAudio.contains(e.source().substring(0, e.source().lastIndexOf('@'))), e.source());
        }
    }

    @Test
    void featureCacheRoundTrips(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path clip;
        try {
            clip = dev.aivj.audioio.MusicCache.clip("wav");
        } catch (IllegalStateException e) {
            Assumptions.abort(e.getMessage());
            return;
        }
        FeatureCache cache = new FeatureCache(dir);
        FeatureCache.Entry first = cache.get(clip);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
        FeatureCache.Entry second = cache.get(clip);
        assertEquals(first.frames().frames(), second.frames().frames());
        assertTrue(java.util.Arrays.equals(first.frames().logMel(), second.frames().logMel()));
        assertTrue(java.util.Arrays.equals(first.frames().onset(), second.frames().onset()));
        assertEquals(first.bpm(), second.bpm());
    }
}
