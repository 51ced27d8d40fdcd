package dev.aivj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aivj golden-renders} and {@code aivj compare-renders} on the shipped pair library's first pair (real
 * projectm-data presets): rendered once, its copy compares as PASS (exit 0) and a copy with a frame painted over fails
 * with a heatmap (exit 1). That two renders are the same is GoldenRendersTest's subject.
 */
class RenderCommandsTest {
    @TempDir
    static Path dir;

    /** What a command printed and returned. */
    private record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void renderOnce() throws Exception {
        Path library = Path.of(RenderCommandsTest.class.getResource("/web/pairs/pair-library.json").toURI());
        Run r = run("golden-renders", "--pairs", library.toString(), "--limit", "1", "--frames", "10,20",
                "--out", dir.resolve("reference").toString());
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("1 pairs rendered, 0 failed"), r.out());
        copy(dir.resolve("reference"), dir.resolve("candidate"));
    }

    @Test
    void theSameFramesPass() {
        Run r = run("compare-renders", "--reference", dir.resolve("reference").toString(), "--candidate",
                dir.resolve("candidate").toString(), "--out", dir.resolve("heatmaps-same").toString());
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().startsWith("PASS  SSIM 1.0000  PSNR inf  "), r.out());
        assertTrue(r.out().contains("1 of 1 pairs render like their reference"), r.out());
    }

    @Test
    void aChangedFrameFailsWithAHeatmap() throws Exception {
        Path changed = dir.resolve("changed");
        copy(dir.resolve("candidate"), changed);
        File frame;
        try (Stream<Path> pngs = Files.walk(changed)) {
            frame = pngs.filter(p -> p.getFileName().toString().equals("frame-020.png")).findFirst().orElseThrow().toFile();
        }
        BufferedImage image = ImageIO.read(frame);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth() / 2, image.getHeight());
        g.dispose();
        ImageIO.write(image, "png", frame);
        Path heatmaps = dir.resolve("heatmaps-changed");
        Run r = run("compare-renders", "--reference", dir.resolve("reference").toString(), "--candidate",
                changed.toString(), "--out", heatmaps.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().startsWith("FAIL  "), r.out());
        assertTrue(r.out().contains("0 of 1 pairs render like their reference"), r.out());
        try (Stream<Path> written = Files.list(heatmaps)) {
            assertEquals(1, written.filter(p -> p.toString().endsWith(".png")).count());
        }
    }

    @Test
    void aMissingOptionIsAUsageError() {
        Run r = run("compare-renders", "--reference", dir.resolve("reference").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--candidate is required"), r.err());
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
