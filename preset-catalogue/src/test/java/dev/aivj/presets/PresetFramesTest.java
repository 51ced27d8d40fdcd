package dev.aivj.presets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresetFramesTest {
    private static final int W = 8;
    private static final int H = 6;

    @TempDir
    Path tmp;

    /** 100 frames; every byte of frame k is k. */
    private static PresetFrames hundred() {
        int size = W * H * 3;
        byte[] all = new byte[100 * size];
        float[] energy = new float[100];
        for (int k = 0; k < 100; k++) {
            Arrays.fill(all, k * size, (k + 1) * size, (byte) k);
            energy[k] = k / 100f;
        }
        return PresetFrames.select(W, H, all, energy);
    }

    @Test
    void keepsConsecutivePairsSpreadOverTheSequence() {
        PresetFrames f = hundred();
        assertEquals(2 * PresetFrames.PAIRS, f.count());
        for (int p = 0; p < PresetFrames.PAIRS; p++) {
            int k = f.indices()[2 * p];
            assertEquals(k + 1, f.indices()[2 * p + 1]);
            assertEquals((byte) k, f.rgb()[2 * p * f.frameBytes()], "frame bytes follow their index");
            assertEquals(k / 100f, f.energies()[2 * p]);
        }
        assertEquals(0, f.indices()[0]);
        assertTrue(f.indices()[f.count() - 1] >= 90, "the last pair lies near the end");
    }

    @Test
    void roundTripsThroughAFile() throws Exception {
        PresetFrames f = hundred();
        Path file = tmp.resolve("a/b.frames.gz");
        f.write(file);
        PresetFrames back = PresetFrames.read(file);
        assertEquals(f.width(), back.width());
        assertArrayEquals(f.indices(), back.indices());
        assertArrayEquals(f.energies(), back.energies());
        assertArrayEquals(f.rgb(), back.rgb());
    }

    @Test
    void truncatedOrForeignFilesAreRefusedWithTheirName() throws Exception {
        Path file = tmp.resolve("x.frames.gz");
        hundred().write(file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(assertThrows(java.io.IOException.class, () -> PresetFrames.read(file)).getMessage()
                .contains("x.frames.gz"));
        Files.writeString(file, "not gzip");
        assertTrue(assertThrows(java.io.IOException.class, () -> PresetFrames.read(file)).getMessage()
                .contains("x.frames.gz"));
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("SOMETHING ELSE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        assertTrue(assertThrows(java.io.IOException.class, () -> PresetFrames.read(file)).getMessage()
                .contains("not a preset frame file"));
    }

    @Test
    void inconsistentSetsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new PresetFrames(W, H, new int[2], new float[2], new byte[W * H * 3]));
    }
}
