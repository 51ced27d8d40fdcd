package dev.aivj.engine.looks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrameMeasuresTest {
    private static final int W = 40;
    private static final int H = 30;

    @Test
    void greyFrameHasItsLumaAndNoColourOrEdges() {
        FrameMeasures m = FrameMeasures.of(Frames.solid(W, H, 100, 100, 100), 0, W, H);
        assertEquals(100, m.lumaMean, 1e-3);
        assertEquals(0, m.lumaStd, 1e-3);
        assertEquals(0, m.colourfulness, 1e-9);
        assertEquals(0, m.colouredShare);
        assertEquals(0, m.edgeShare);
        assertEquals(1, m.nonBlackShare);
    }

    @Test
    void primaryColoursLandInTheirHueBins() {
        assertEquals(0, dominantBin(Frames.solid(W, H, 255, 0, 0)));
        assertEquals(12, dominantBin(Frames.solid(W, H, 0, 255, 0)));   // 120 degrees
        assertEquals(24, dominantBin(Frames.solid(W, H, 0, 0, 255)));   // 240 degrees
        assertEquals(6, dominantBin(Frames.solid(W, H, 255, 255, 0)));  // 60 degrees
        FrameMeasures red = FrameMeasures.of(Frames.solid(W, H, 255, 0, 0), 0, W, H);
        assertEquals(1, red.colouredShare);
        // Hasler-Süsstrunk of a uniform pure red: 0.3 * |(255, 127.5)|
        assertEquals(0.3 * Math.hypot(255, 127.5), red.colourfulness, 1e-6);
    }

    @Test
    void darkGreyishPixelsDoNotVoteForAHue() {
        FrameMeasures m = FrameMeasures.of(Frames.solid(W, H, 40, 30, 30), 0, W, H); // chroma 10 < 32
        assertEquals(0, m.colouredShare);
        for (double w : m.hueWeights) {
            assertEquals(0, w);
        }
    }

    @Test
    void aSharpBoundaryIsTwoColumnsOfEdges() {
        FrameMeasures m = FrameMeasures.of(Frames.halves(W, H), 0, W, H);
        assertEquals(2.0 / (W - 2), m.edgeShare, 1e-9);
        assertEquals(127.5, m.lumaStd, 0.5);
        assertEquals(0.5, m.nonBlackShare, 1e-9);
    }

    @Test
    void frameDifferenceCountsTheChangedPixels() {
        FrameMeasures a = FrameMeasures.of(Frames.square(W, H, 0, 10), 0, W, H);
        FrameMeasures b = FrameMeasures.of(Frames.square(W, H, 20, 10), 0, W, H);
        // two 10x10 squares of luma 255 (rounded BT.601 weights sum to 1) change place
        assertEquals(200 * 255.0 / (W * H), b.meanLumaDifference(a), 0.01);
        assertEquals(0, a.meanLumaDifference(a));
    }

    @Test
    void readsAFrameAtAnOffset() {
        byte[] two = new byte[2 * W * H * 3];
        System.arraycopy(Frames.solid(W, H, 200, 200, 200), 0, two, W * H * 3, W * H * 3);
        assertEquals(200, FrameMeasures.of(two, W * H * 3, W, H).lumaMean, 1e-3);
        assertEquals(0, FrameMeasures.of(two, 0, W, H).lumaMean, 1e-3);
    }

    @Test
    void refusesShortBuffersAndTinyFrames() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FrameMeasures.of(new byte[10], 0, W, H))
                .getMessage().contains("needs 3600 bytes"));
        assertThrows(IllegalArgumentException.class, () -> FrameMeasures.of(new byte[12], 0, 2, 2));
    }

    private static int dominantBin(byte[] frame) {
        double[] h = FrameMeasures.of(frame, 0, W, H).hueWeights;
        int best = 0;
        for (int i = 1; i < h.length; i++) {
            if (h[i] > h[best]) {
                best = i;
            }
        }
        return best;
    }
}
