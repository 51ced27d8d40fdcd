package dev.aivj.engine.looks;

/** Small synthetic frames of known content for the look tests. */
final class Frames {
    private Frames() {
    }

    static byte[] solid(int w, int h, int r, int g, int b) {
        byte[] f = new byte[w * h * 3];
        for (int i = 0; i < w * h; i++) {
            f[3 * i] = (byte) r;
            f[3 * i + 1] = (byte) g;
            f[3 * i + 2] = (byte) b;
        }
        return f;
    }

    /** White left half, black right half. */
    static byte[] halves(int w, int h) {
        byte[] f = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w / 2; x++) {
                int p = 3 * (y * w + x);
                f[p] = f[p + 1] = f[p + 2] = (byte) 255;
            }
        }
        return f;
    }

    /** A white square of side s at column x on black. */
    static byte[] square(int w, int h, int x0, int s) {
        byte[] f = new byte[w * h * 3];
        for (int y = 0; y < s && y < h; y++) {
            for (int x = x0; x < x0 + s && x < w; x++) {
                int p = 3 * (y * w + x);
                f[p] = f[p + 1] = f[p + 2] = (byte) 255;
            }
        }
        return f;
    }
}
