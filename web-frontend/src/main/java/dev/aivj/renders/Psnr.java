package dev.aivj.renders;

import java.awt.image.BufferedImage;

/** Peak signal-to-noise ratio of two frames over their R, G and B samples (peak 255), in dB. */
public final class Psnr {

    private Psnr() {
    }

    /** Infinite for identical frames. */
    public static double of(BufferedImage a, BufferedImage b) {
        int w = a.getWidth(), h = a.getHeight();
        if (w != b.getWidth() || h != b.getHeight()) throw new IllegalArgumentException("frames differ in size");
        double squares = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = a.getRGB(x, y), q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = (p >> shift & 255) - (q >> shift & 255);
                    squares += d * d;
                }
            }
        }
        double mse = squares / (3.0 * w * h);
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }
}
