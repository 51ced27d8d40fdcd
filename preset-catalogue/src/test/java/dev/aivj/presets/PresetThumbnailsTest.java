package dev.aivj.presets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thumbnails from the frames the real checker kept for a real preset (rendered by projectM in Chromium). */
class PresetThumbnailsTest {
    private static final String DRAWS = "presets_milkdrop/aderrasi-agitator";

    @TempDir
    Path tmp;

    @Test
    void theCheckersKeptFramesGiveAThumbnailAndUnrenderedPresetsNone() throws Exception {
        PresetChecker.Options o = new PresetChecker.Options();
        o.ids.add(DRAWS);
        o.web = Path.of("../projectm-wasm/target/classes/web");
        String music = System.getProperty("aivj.music.dir", "");
        o.music = (music.isBlank() ? PresetChecker.defaultCache().resolve("music") : Path.of(music))
                .resolve("derived/clip.wav");
        o.status = tmp.resolve("status.json");
        o.framesDir = tmp.resolve("frames");
        assertEquals(0, new PresetChecker(o.resolve()).run());

        PresetThumbnails thumbnails = new PresetThumbnails(o.framesDir, "projectm");
        assertEquals(List.of(DRAWS), thumbnails.ids());
        byte[] png = PresetThumbnails.png(PresetFrames.read(thumbnails.framesOf("presets_milkdrop", "aderrasi-agitator")
                .orElseThrow()));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(o.width / 2, image.getWidth());
        assertEquals(o.height / 2, image.getHeight());
        long lit = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) > 60) {
                    lit++;
                }
            }
        }
        assertTrue(lit > image.getWidth() * image.getHeight() / 20, "the preset draws something: " + lit + " lit pixels");
        assertTrue(thumbnails.framesOf("presets_milkdrop", "not-rendered").isEmpty());
        assertTrue(new PresetThumbnails(tmp.resolve("missing"), "projectm").ids().isEmpty());
    }
}
