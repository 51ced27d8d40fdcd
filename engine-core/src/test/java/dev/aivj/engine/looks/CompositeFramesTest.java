package dev.aivj.engine.looks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aivj.engine.looks.CompositeFrames.Blend;
import org.junit.jupiter.api.Test;

class CompositeFramesTest {
    private static final byte[] BG = {(byte) 100, (byte) 200, 0};
    private static final byte[] FG = {(byte) 200, (byte) 100, (byte) 255};

    @Test
    void opacityZeroShowsTheBackgroundAndOneTheBlend() {
        for (Blend b : Blend.values()) {
            assertArrayEquals(BG, mix(b, 0), b.css);
        }
        assertArrayEquals(FG, mix(Blend.NORMAL, 1));
    }

    @Test
    void screenAndAddBrightenAddClips() {
        byte[] screen = mix(Blend.SCREEN, 1);
        assertEquals(255 - 155 * 55 / 255, screen[0] & 0xff);
        assertEquals(255, screen[2] & 0xff);
        byte[] add = mix(Blend.ADD, 1);
        assertEquals(255, add[0] & 0xff);
        assertEquals(255, add[1] & 0xff);
        assertEquals(255, add[2] & 0xff);
        byte[] black = {0, 0, 0};
        byte[] out = new byte[3];
        CompositeFrames.composite(black, 0, BG, 0, 1, Blend.SCREEN, 0.7, out, 0);
        assertArrayEquals(BG, out, "a black foreground leaves the background under screen");
    }

    @Test
    void halfOpacityNormalIsTheAverage() {
        byte[] half = mix(Blend.NORMAL, 0.5);
        assertEquals(150, half[0] & 0xff, 1);
        assertEquals(150, half[1] & 0xff, 1);
        assertEquals(128, half[2] & 0xff, 1);
        assertThrows(IllegalArgumentException.class, () -> mix(Blend.NORMAL, 1.5));
        assertThrows(IllegalArgumentException.class, () -> mix(Blend.NORMAL, Double.NaN));
    }

    private static byte[] mix(Blend b, double opacity) {
        byte[] out = new byte[3];
        CompositeFrames.composite(FG, 0, BG, 0, 1, b, opacity, out, 0);
        return out;
    }
}
