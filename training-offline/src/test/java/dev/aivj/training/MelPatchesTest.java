package dev.aivj.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aivj.engine.AnalysisSettings;
import dev.aivj.engine.AudioAnalyzer;
import dev.aivj.engine.features.FrameFeatures;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MelPatchesTest {
    private static FrameFeatures featuresOfRisingTone() {
        float[] s = new float[AnalysisSettings.SAMPLE_RATE * 4];
        for (int i = 0; i < s.length; i++) {
            double hz = 200 + 2000.0 * i / s.length;
            s[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / AnalysisSettings.SAMPLE_RATE));
        }
        return new AudioAnalyzer().analyze(s, 1, AnalysisSettings.SAMPLE_RATE).frames();
    }

    @Test
    void patchesAreCopiesOfTheEngineSpectrogram() {
        FrameFeatures f = featuresOfRisingTone();
        MelPatches patches = new MelPatches(64, 32);
        int n = patches.count(f.frames());
        assertEquals(1 + (f.frames() - 64) / 32, n);
        int bands = f.melBands();
        float[] second = patches.patch(f, 1);
        float[] expected = Arrays.copyOfRange(f.logMel(), 32 * bands, (32 + 64) * bands);
        assertArrayEquals(expected, second);
        assertEquals(32 / AnalysisSettings.frameRate(), patches.startSeconds(1, AnalysisSettings.frameRate()), 1e-12);
    }

    @Test
    void shortSongGivesNoPatchAndBadIndexIsRefused() {
        FrameFeatures f = featuresOfRisingTone();
        MelPatches tooLong = new MelPatches(f.frames() + 1, 1);
        assertEquals(0, tooLong.count(f.frames()));
        assertThrows(IndexOutOfBoundsException.class, () -> tooLong.patch(f, 0));
        assertThrows(IllegalArgumentException.class, () -> new MelPatches(0, 1));
    }
}
