package dev.aivj.engine.looks;

/**
 * What one rendered frame shows, from packed 8-bit RGB pixels (3 bytes per pixel, rows top to bottom).
 *
 * <ul>
 *   <li>luma: BT.601 (0.299 R + 0.587 G + 0.114 B), 0..255, mean and spatial standard deviation;</li>
 *   <li>nonBlackShare: share of pixels with luma above {@link #BLACK_LUMA};</li>
 *   <li>colourfulness: Hasler &amp; Süsstrunk (2003), M = σ_rgyb + 0.3·μ_rgyb on the rg = R−G and
 *       yb = (R+G)/2 − B opponent axes; about 0 for grey, 100+ for vivid colour;</li>
 *   <li>hue histogram: {@link #HUE_BINS} bins of HSV hue, each pixel weighted by its chroma (max−min of
 *       R, G, B) when the chroma is at least {@link #MIN_CHROMA}, so grey and dark pixels do not vote;</li>
 *   <li>edgeShare: share of interior pixels whose Sobel gradient magnitude on luma exceeds
 *       {@link #EDGE_MAGNITUDE} (a step of 16 luma levels gives 64).</li>
 * </ul>
 */
public final class FrameMeasures {
    public static final double BLACK_LUMA = 10;
    public static final int HUE_BINS = 36;
    public static final int MIN_CHROMA = 32;
    public static final double EDGE_MAGNITUDE = 64;

    public final double lumaMean;
    public final double lumaStd;
    public final double nonBlackShare;
    public final double colourfulness;
    public final double edgeShare;
    /** Chroma-weighted hue histogram (bin i covers hue i·10° .. (i+1)·10°), not normalised. */
    public final double[] hueWeights;
    /** Share of pixels with chroma at least {@link #MIN_CHROMA}. */
    public final double colouredShare;
    /** Per-pixel luma (row-major), kept for frame differences. */
    final float[] luma;

    private FrameMeasures(double lumaMean, double lumaStd, double nonBlackShare, double colourfulness,
            double edgeShare, double[] hueWeights, double colouredShare, float[] luma) {
        this.lumaMean = lumaMean;
        this.lumaStd = lumaStd;
        this.nonBlackShare = nonBlackShare;
        this.colourfulness = colourfulness;
        this.edgeShare = edgeShare;
        this.hueWeights = hueWeights;
        this.colouredShare = colouredShare;
        this.luma = luma;
    }

    /** Measures a width×height frame of packed RGB bytes. */
    public static FrameMeasures of(byte[] rgb, int offset, int width, int height) {
        int n = width * height;
        if (width < 3 || height < 3) {
            throw new IllegalArgumentException("a frame needs at least 3x3 pixels, got " + width + "x" + height);
        }
        if (offset < 0 || rgb.length - offset < n * 3) {
            throw new IllegalArgumentException("frame of " + width + "x" + height + " needs " + n * 3
                    + " bytes from offset " + offset + ", have " + (rgb.length - offset));
        }
        float[] luma = new float[n];
        double[] hue = new double[HUE_BINS];
        double sum = 0;
        double sum2 = 0;
        int nonBlack = 0;
        int coloured = 0;
        double rgSum = 0;
        double rgSum2 = 0;
        double ybSum = 0;
        double ybSum2 = 0;
        for (int i = 0, p = offset; i < n; i++, p += 3) {
            int r = rgb[p] & 0xff;
            int g = rgb[p + 1] & 0xff;
            int b = rgb[p + 2] & 0xff;
            double y = 0.299 * r + 0.587 * g + 0.114 * b;
            luma[i] = (float) y;
            sum += y;
            sum2 += y * y;
            if (y > BLACK_LUMA) {
                nonBlack++;
            }
            double rg = r - g;
            double yb = 0.5 * (r + g) - b;
            rgSum += rg;
            rgSum2 += rg * rg;
            ybSum += yb;
            ybSum2 += yb * yb;
            int max = Math.max(r, Math.max(g, b));
            int chroma = max - Math.min(r, Math.min(g, b));
            if (chroma >= MIN_CHROMA) {
                coloured++;
                hue[hueBin(r, g, b, max, chroma)] += chroma;
            }
        }
        double mean = sum / n;
        double std = Math.sqrt(Math.max(0, sum2 / n - mean * mean));
        double rgMean = rgSum / n;
        double ybMean = ybSum / n;
        double rgVar = Math.max(0, rgSum2 / n - rgMean * rgMean);
        double ybVar = Math.max(0, ybSum2 / n - ybMean * ybMean);
        double colourfulness = Math.sqrt(rgVar + ybVar) + 0.3 * Math.sqrt(rgMean * rgMean + ybMean * ybMean);
        return new FrameMeasures(mean, std, (double) nonBlack / n, colourfulness, edgeShare(luma, width, height),
                hue, (double) coloured / n, luma);
    }

    /** HSV hue of a pixel with non-zero chroma, as a bin index. */
    static int hueBin(int r, int g, int b, int max, int chroma) {
        double h;
        if (max == r) {
            h = (double) (g - b) / chroma;
        } else if (max == g) {
            h = 2 + (double) (b - r) / chroma;
        } else {
            h = 4 + (double) (r - g) / chroma;
        }
        double degrees = h * 60;
        if (degrees < 0) {
            degrees += 360;
        }
        return Math.min(HUE_BINS - 1, (int) (degrees / (360.0 / HUE_BINS)));
    }

    private static double edgeShare(float[] y, int w, int h) {
        int edges = 0;
        double limit2 = EDGE_MAGNITUDE * EDGE_MAGNITUDE;
        for (int row = 1; row < h - 1; row++) {
            for (int col = 1; col < w - 1; col++) {
                int i = row * w + col;
                double gx = (y[i - w + 1] + 2 * y[i + 1] + y[i + w + 1]) - (y[i - w - 1] + 2 * y[i - 1] + y[i + w - 1]);
                double gy = (y[i + w - 1] + 2 * y[i + w] + y[i + w + 1]) - (y[i - w - 1] + 2 * y[i - w] + y[i - w + 1]);
                if (gx * gx + gy * gy > limit2) {
                    edges++;
                }
            }
        }
        return (double) edges / ((w - 2) * (h - 2));
    }

    /** Mean absolute luma difference to an earlier frame of the same size (0..255). */
    public double meanLumaDifference(FrameMeasures earlier) {
        if (earlier.luma.length != luma.length) {
            throw new IllegalArgumentException("frames differ in size");
        }
        double d = 0;
        for (int i = 0; i < luma.length; i++) {
            d += Math.abs(luma[i] - earlier.luma[i]);
        }
        return d / luma.length;
    }
}
