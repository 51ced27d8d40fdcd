package dev.aivj.training.bootstrap;

import dev.aivj.presets.PresetFrames;
import java.util.Arrays;

/** SYNTHETIC frame sets for the bootstrap tests: known pictures, not rendered presets. */
final class SyntheticFrames {
    static final int W = 16;
    static final int H = 12;

    private SyntheticFrames() {
    }

    /** Two consecutive frames per pair, the second brighter by {@code step}: luma base, base+step, base, ... */
    static PresetFrames grey(int base, int step) {
        int size = W * H * 3;
        int n = 4;
        byte[] rgb = new byte[n * size];
        int[] idx = {0, 1, 10, 11};
        for (int k = 0; k < n; k++) {
            Arrays.fill(rgb, k * size, (k + 1) * size, (byte) Math.min(255, base + (k % 2) * step));
        }
        return new PresetFrames(W, H, idx, new float[n], rgb);
    }
}
