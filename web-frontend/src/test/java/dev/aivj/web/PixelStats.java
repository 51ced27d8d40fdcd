package dev.aivj.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Mean and standard deviation of the luminance (0..255) of a PNG screenshot. */
record PixelStats(double mean, double stdDev, int width, int height) {

    static PixelStats of(byte[] png) {
        return of(png, 0);
    }

    /** Stats of the image without a border of {@code inset} pixels (e.g. rounded corners). */
    static PixelStats of(byte[] png, int inset) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (image == null) {
            throw new IllegalArgumentException("not an image");
        }
        double sum = 0;
        double sumSq = 0;
        int w = image.getWidth() - 2 * inset;
        int h = image.getHeight() - 2 * inset;
        if (w <= 0 || h <= 0) {
            throw new IllegalArgumentException("inset larger than the image");
        }
        for (int y = inset; y < inset + h; y++) {
            for (int x = inset; x < inset + w; x++) {
                int rgb = image.getRGB(x, y);
                double l = 0.2126 * ((rgb >> 16) & 0xff) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff);
                sum += l;
                sumSq += l * l;
            }
        }
        double n = (double) w * h;
        double mean = sum / n;
        return new PixelStats(mean, Math.sqrt(Math.max(0, sumSq / n - mean * mean)), w, h);
    }
}
