package dev.aivj.renders;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Where two renders of a pair differ: one row per kept frame, the reference, the candidate and a heatmap of the
 * largest R, G or B difference per pixel (black = same, then red, yellow, white; a difference of
 * {@value #FULL_SCALE} or more is white).
 */
public final class DiffHeatmap {
    static final int FULL_SCALE = 128;

    private DiffHeatmap() {
    }

    /** Writes the PNG; the frame lists must be as long as each other and their frames the same size. */
    public static void write(List<BufferedImage> reference, List<BufferedImage> candidate, Path png) throws IOException {
        int w = reference.get(0).getWidth(), h = reference.get(0).getHeight();
        BufferedImage out = new BufferedImage(3 * w, h * reference.size(), BufferedImage.TYPE_INT_RGB);
        for (int row = 0; row < reference.size(); row++) {
            BufferedImage a = reference.get(row), b = candidate.get(row);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = a.getRGB(x, y), q = b.getRGB(x, y);
                    out.setRGB(x, row * h + y, p);
                    out.setRGB(w + x, row * h + y, q);
                    out.setRGB(2 * w + x, row * h + y, heat(largestDifference(p, q)));
                }
            }
        }
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(out, "png", png.toFile());
    }

    private static int largestDifference(int p, int q) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) d = Math.max(d, Math.abs((p >> shift & 255) - (q >> shift & 255)));
        return d;
    }

    /** 0..FULL_SCALE → black, red, yellow, white (a third each). */
    private static int heat(int difference) {
        double t = Math.min(1.0, difference / (double) FULL_SCALE) * 3;
        int r = (int) Math.round(255 * Math.min(1, t));
        int g = (int) Math.round(255 * Math.min(1, Math.max(0, t - 1)));
        int b = (int) Math.round(255 * Math.min(1, Math.max(0, t - 2)));
        return r << 16 | g << 8 | b;
    }
}
