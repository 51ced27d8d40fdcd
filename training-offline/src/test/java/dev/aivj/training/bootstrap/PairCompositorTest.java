package dev.aivj.training.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aivj.presets.PresetFrames;
import org.junit.jupiter.api.Test;

class PairCompositorTest {

    @Test
    void aBlackForegroundLeavesTheBackground() {
        CompositeLook c = PairCompositor.measure(SyntheticFrames.grey(0, 0), SyntheticFrames.grey(100, 20));
        assertEquals(110, c.lumaMean(), 0.5, "mean of 100 and 120");
        assertEquals(100, c.lumaMin(), 0.5);
        assertEquals(20, c.motion(), 0.5, "motion within each consecutive pair only");
        assertEquals(110, c.layerContrast(), 0.5, "|0 - bg| averaged");
        assertEquals(0, c.edgeDensity());
    }

    @Test
    void screenAtSeventyPercentBrightensTheBackground() {
        CompositeLook c = PairCompositor.measure(SyntheticFrames.grey(255, 0), SyntheticFrames.grey(0, 0));
        assertEquals(0.7 * 255, c.lumaMean(), 1.0);
        assertEquals(0, c.motion(), 1e-9);
    }

    @Test
    void framesTakenDifferentlyAreRefused() {
        PresetFrames other = new PresetFrames(SyntheticFrames.W, SyntheticFrames.H, new int[] {0, 1, 20, 21},
                new float[4], new byte[4 * SyntheticFrames.W * SyntheticFrames.H * 3]);
        assertThrows(IllegalArgumentException.class, () -> PairCompositor.measure(SyntheticFrames.grey(0, 0), other));
    }
}
