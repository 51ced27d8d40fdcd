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

    /**
     * Builds real training data from a three-row manifest over the test music CI fetches (scripts/fetch-music.sh):
     * two train tracks, one validation and one test song. No patch of the test song may reach training or validation.
     */
    @Test
    void noSegmentOfATestTrackIsInTheTrainingOrValidationExamples(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        String songs = "fretsonfire-songs-sectoid/usr/share/games/fretsonfire/data/songs/sectoid/";
        StringBuilder csv = new StringBuilder(String.join(",", dev.aivj.training.corpus.ManifestReader.HEADER));
        String[][] rows = {{"Metal madness", "train"}, {"War of freedom", "validation"}, {"Feelings", "test"}};
        for (String[] r : rows) {
            csv.append('\n').append("fretsonfire-songs-sectoid,1,").append(songs).append(r[0]).append("/song.ogg,")
                    .append(songs).append(r[0]).append("/song.ogg,MIT,180,rock,").append(r[1]).append(',')
                    .append(r[0]).append(",Sectoid,credits,test row");
        }
        csv.append("\ntuxtype-data,1,usr/share/tuxtype/sounds/chiptune2.ogg,tuxtype-data/usr/share/tuxtype/sounds/"
                + "chiptune2.ogg,GPL-2,46,chiptune,train,Chiptune2,Mysid,title,test row");
        Path manifest = dir.resolve("m.csv");
        Files.writeString(manifest, csv + "\n");
        ManifestCorpus c = ManifestCorpus.load(manifest, dev.aivj.audioio.MusicCache.dir());
        for (CorpusTrack t : c.manifest().tracks()) {
            assertTrue(Files.isRegularFile(c.audio(t)), "missing " + c.audio(t) + ": run ./aivj fetch-music");
        }
        MusicModelTrainer.Config cfg = MusicModelTrainer.Config.defaults();
        MusicModelSpec spec = MusicModelSpec.defaults(c.labelIds());
        MusicModelTrainer.TrainingData data = MusicModelTrainer.examples(c, cfg, spec, TeacherMapping.load(null),
                FeatureCache.defaultCache(), s -> { });
        String test = c.tracks(Split.TEST).get(0).audio();
        Set<String> train = new HashSet<>();
        c.tracks(Split.TRAIN).forEach(t -> train.add(t.audio()));
        MusicExamples epoch = data.train().epoch(1);
        assertEquals(2 * cfg.patchesPerTrack(), epoch.size(), "two tracks, their patches per epoch");
        assertEquals(epoch.size(), data.train().patchesPerEpoch(), "the count without drawing the patches");
        assertTrue(data.val().size() > 0);
        for (MusicExamples.Example e : epoch.examples()) {
            assertTrue(train.contains(e.source().substring(0, e.source().lastIndexOf('@'))), e.source());
            assertEquals(cfg.patchFrames() / spec.framesPerStep() * 9, e.visualTarget().length);
            assertTrue(e.logMel().length >= cfg.patchFrames() * 64, "a patch is at least patchFrames long");
        }
        for (MusicExamples.Example e : data.val().examples()) {
            assertFalse(e.source().startsWith(test), "test segment in validation: " + e.source());
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
