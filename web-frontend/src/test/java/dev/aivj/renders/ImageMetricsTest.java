package dev.aivj.renders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** SSIM and PSNR against their closed forms on flat frames, and their order on a structured one. */
class ImageMetricsTest {

    @Test
    void psnrOfAConstantDifferenceIsTwentyLogPeakOverIt() {
        assertEquals(20 * Math.log10(255.0 / 4), Psnr.of(flat(100), flat(104)), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, Psnr.of(flat(100), flat(100)));
    }

    @Test
    void ssimOfFlatFramesIsTheLuminanceTermAlone() {
        double c1 = Math.pow(0.01 * 255, 2);
        double expected = (2 * 100.0 * 120 + c1) / (100.0 * 100 + 120.0 * 120 + c1);
        assertEquals(expected, Ssim.mean(flat(100), flat(120)), 1e-9);
        assertEquals(1.0, Ssim.mean(flat(100), flat(100)), 1e-12);
    }

    @Test
    void ssimFallsAsStructureIsLost() {
        BufferedImage stripes = stripes(0);
        double shifted = Ssim.mean(stripes, stripes(1));
        double flattened = Ssim.mean(stripes, flat(128));
        assertEquals(1.0, Ssim.mean(stripes, stripes(0)), 1e-12);
        assertTrue(shifted < 0.5, "stripes moved by one pixel: " + shifted);
        assertTrue(flattened < 0.1, "stripes gone: " + flattened);
    }

    private static BufferedImage flat(int grey) {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 24; y++) for (int x = 0; x < 32; x++) image.setRGB(x, y, grey * 0x010101);
        return image;
    }

    private static BufferedImage stripes(int offset) {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 24; y++) for (int x = 0; x < 32; x++) image.setRGB(x, y, ((x + offset) / 2 % 2 == 0 ? 255 : 0) * 0x010101);
        return image;
    }
}
