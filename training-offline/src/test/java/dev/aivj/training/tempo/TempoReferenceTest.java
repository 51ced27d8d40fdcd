package dev.aivj.training.tempo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.audioio.MusicCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tempo reference list, its readers and the MIREX accuracies. */
class TempoReferenceTest {
    @Test
    void mirexAccuraciesFollowTheirDefinitions() {
        assertTrue(MirexAccuracy.accuracy1(144, 140));
        assertFalse(MirexAccuracy.accuracy1(146, 140), "more than 4 % off");
        assertFalse(MirexAccuracy.accuracy1(70, 140));
        assertTrue(MirexAccuracy.accuracy2(70, 140));
        assertTrue(MirexAccuracy.accuracy2(280, 140));
        assertTrue(MirexAccuracy.accuracy2(60, 180), "a third");
        assertFalse(MirexAccuracy.accuracy2(93.3, 140), "two thirds is no MIREX octave");
    }

    @Test
    void bundledListHasBothSources() {
        List<TempoReference> refs = TempoReference.bundled();
        assertEquals(4, refs.stream().filter(r -> r.source().equals(TempoReference.CHART)).count());
        assertTrue(refs.stream().filter(r -> r.source().equals(TempoReference.MODULE)).count() >= 10);
        assertTrue(refs.stream().anyMatch(r -> r.bpm() > 180), "a reference above the old 180 BPM ceiling");
    }

    /** The chart rows still match their notes.mid (the songs come from ./aivj fetch-music, as in CI). */
    @Test
    void chartRowsMatchTheirMidiTempoMaps() throws Exception {
        Path music = MusicCache.dir();
        for (TempoReference ref : TempoReference.bundled()) {
            if (ref.source().equals(TempoReference.CHART)) {
                Path midi = ref.referenceFile(music);
                assertTrue(Files.isRegularFile(midi), midi + " not found: run ./aivj fetch-music");
                assertEquals(ref.bpm(), MidiTempoMap.read(midi.toFile()).medianBpm(600), 0.01, ref.name());
            }
        }
    }

    /** A 4-channel ProTracker module: speed 3 on its first row (BPM 125·6/3), then optionally speed 6 later. */
    @Test
    void modSpeedCommandsAreRead(@TempDir Path dir) throws Exception {
        Path constant = dir.resolve("a.mod");
        Files.write(constant, mod(false));
        ModuleTempo a = ModuleTempo.read(constant);
        assertEquals(250.0, a.bpm(), 1e-9);
        assertTrue(a.constant());
        assertFalse(a.ruleApplies(), "speed 3: the 4-rows-per-beat rule is not clear");
        Path changing = dir.resolve("b.mod");
        Files.write(changing, mod(true));
        assertFalse(ModuleTempo.read(changing).constant());
    }

    private static byte[] mod(boolean speedChange) {
        byte[] b = new byte[1084 + 64 * 4 * 4];
        b[950] = 1; // song length: one order
        b[952] = 0; // order 0 plays pattern 0
        System.arraycopy("M.K.".getBytes(), 0, b, 1080, 4);
        setEffect(b, 0, 0x0f, 3);
        if (speedChange) {
            setEffect(b, 10, 0x0f, 6);
        }
        return b;
    }

    private static void setEffect(byte[] b, int row, int effect, int param) {
        int at = 1084 + row * 4 * 4; // channel 0
        b[at + 2] = (byte) effect;
        b[at + 3] = (byte) param;
    }
}
