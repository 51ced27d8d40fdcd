package dev.aivj.renders;

import java.awt.image.BufferedImage;

/**
 * Structural similarity (Wang, Bovik, Sheikh and Simoncelli 2004) of two frames on luma (BT.601, 0..255): an 11x11
 * Gaussian window (sigma 1.5), K1 = 0.01, K2 = 0.03, averaged over every window that lies inside the frame (the
 * paper's own settings). 1 for identical frames; lower as structure, contrast or brightness differ.
 */
public final class Ssim {
    private static final int RADIUS = 5;
    private static final double SIGMA = 1.5;
    private static final double C1 = Math.pow(0.01 * 255, 2);
    private static final double C2 = Math.pow(0.03 * 255, 2);
    private static final double[] WINDOW = gaussian();

    private Ssim() {
    }

    /** The mean SSIM of two frames of the same size. */
    public static double mean(BufferedImage a, BufferedImage b) {
        int w = a.getWidth(), h = a.getHeight();
        if (w != b.getWidth() || h != b.getHeight()) throw new IllegalArgumentException("frames differ in size");
        if (w <= 2 * RADIUS || h <= 2 * RADIUS) throw new IllegalArgumentException("frames smaller than the window");
        double[] x = luma(a), y = luma(b);
        double[] xx = new double[x.length], yy = new double[x.length], xy = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            xx[i] = x[i] * x[i];
            yy[i] = y[i] * y[i];
            xy[i] = x[i] * y[i];
        }
        double[] mx = blur(x, w, h), my = blur(y, w, h), sxx = blur(xx, w, h), syy = blur(yy, w, h), sxy = blur(xy, w, h);
        double sum = 0;
        int n = 0;
        for (int j = RADIUS; j < h - RADIUS; j++) {
            for (int i = RADIUS; i < w - RADIUS; i++) {
                int p = j * w + i;
                double ux = mx[p], uy = my[p];
                double vx = sxx[p] - ux * ux, vy = syy[p] - uy * uy, cxy = sxy[p] - ux * uy;
                sum += (2 * ux * uy + C1) * (2 * cxy + C2) / ((ux * ux + uy * uy + C1) * (vx + vy + C2));
                n++;
            }
        }
        return sum / n;
    }

    static double[] luma(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        double[] out = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                out[y * w + x] = 0.299 * (rgb >> 16 & 255) + 0.587 * (rgb >> 8 & 255) + 0.114 * (rgb & 255);
            }
        }
        return out;
    }

    /** The Gaussian-weighted local mean at every pixel whose window lies inside the frame (others stay 0). */
    private static double[] blur(double[] v, int w, int h) {
        double[] rows = new double[v.length], out = new double[v.length];
        for (int y = 0; y < h; y++) {
            for (int x = RADIUS; x < w - RADIUS; x++) {
                double s = 0;
                for (int k = -RADIUS; k <= RADIUS; k++) s += WINDOW[k + RADIUS] * v[y * w + x + k];
                rows[y * w + x] = s;
            }
        }
        for (int y = RADIUS; y < h - RADIUS; y++) {
            for (int x = RADIUS; x < w - RADIUS; x++) {
                double s = 0;
                for (int k = -RADIUS; k <= RADIUS; k++) s += WINDOW[k + RADIUS] * rows[(y + k) * w + x];
                out[y * w + x] = s;
            }
        }
        return out;
    }

    private static double[] gaussian() {
        double[] g = new double[2 * RADIUS + 1];
        double sum = 0;
        for (int k = -RADIUS; k <= RADIUS; k++) sum += g[k + RADIUS] = Math.exp(-k * k / (2 * SIGMA * SIGMA));
        for (int k = 0; k < g.length; k++) g[k] /= sum;
        return g;
    }
}
