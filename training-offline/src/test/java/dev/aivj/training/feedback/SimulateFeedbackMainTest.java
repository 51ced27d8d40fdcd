package dev.aivj.training.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** simulate-feedback end to end on a tiny run: the PNG, report.md and logs are written and labelled SIMULATED. */
class SimulateFeedbackMainTest {
    @TempDir
    Path out;

    @Test
    void writesCurvesReportAndLogs() throws IOException {
        PrintStream old = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true));
        int code;
        try {
            code = SimulateFeedbackMain.run(new String[] {"--viewers", "6", "--sessions", "4", "--sections", "3",
                "--seeds", "2", "--gammas", "4", "--library", SimulatedViewerTest.LIBRARY.toString(), "--out",
                out.toString()});
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code);
        assertTrue(printed.toString().contains("SIMULATED viewers") && printed.toString().contains("lift vs"));
        BufferedImage png = ImageIO.read(out.resolve("learning-curves.png").toFile());
        assertEquals(LearningCurvePlot.WIDTH, png.getWidth());
        assertTrue(Files.readString(out.resolve("report.md")).contains("SIMULATED"));
        try (var logs = Files.list(out.resolve("logs"))) {
            assertEquals(6, logs.count()); // one file per simulated installation
        }
        assertTrue(Files.readString(out.resolve("logs/sim-0-viewer-000.jsonl")).contains("\"simulated\":true"));
    }

    @Test
    void badUsageIsExitTwo() throws IOException {
        PrintStream old = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true));
        try {
            assertEquals(2, SimulateFeedbackMain.run(new String[] {"--viewers", "many"}));
            assertEquals(2, SimulateFeedbackMain.run(new String[] {"--seeds"}));
        } finally {
            System.setErr(old);
        }
    }
}
