package dev.aivj.training.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.engine.feedback.FeedbackSignal;
import dev.aivj.engine.recommend.PairFeatures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ab-report over SIMULATED traffic (the simulation's own logs) and over GENERATED logs built here to hit each rule
 * of the gate.
 */
class AbReportTest {
    @TempDir
    Path dir;

    @Test
    void passesOnSimulatedTraffic() throws IOException {
        SimulationConfig config = new SimulationConfig(12, 8, 6, 1, 19, new double[] {4});
        FeedbackSimulation sim = new FeedbackSimulation(SimulatedViewerTest.library(), config);
        List<String> lines = new ArrayList<>();
        sim.run(0, e -> lines.add(FeedbackLogWriter.line(e)));
        Files.write(dir.resolve("simulated.jsonl"), lines);
        Run run = run("--logs", dir.toString());
        assertEquals(0, run.code, run.out);
        assertTrue(run.out.contains("PASS") && run.out.contains("SIMULATED traffic"), run.out);
        assertTrue(run.out.contains("Welch's t-test") && run.out.contains("Cohen's d"), run.out);
    }

    @Test
    void failsWhenAnArmHasFewerThan50Samples() throws IOException {
        List<String> lines = new ArrayList<>();
        generate(lines, "learned", 30, 4.2, new Random(1));
        generate(lines, "weighted-random", 80, 3.0, new Random(2));
        Files.write(dir.resolve("few.jsonl"), lines);
        AbReport r = new AbReport(FeedbackLogReader.read(dir));
        assertFalse(r.passed());
        assertEquals(List.of("learned: 30 samples (ratings), at least 50 needed"), r.failures());
        assertEquals(1, run("--logs", dir.toString()).code);
    }

    @Test
    void failsWhenTheLearnedArmIsWorse() throws IOException {
        List<String> lines = new ArrayList<>();
        generate(lines, "learned", 120, 2.6, new Random(3));
        generate(lines, "weighted-random", 120, 3.6, new Random(4));
        Files.write(dir.resolve("worse.jsonl"), lines);
        AbReport r = new AbReport(FeedbackLogReader.read(dir));
        assertFalse(r.passed());
        assertTrue(r.failures().stream().anyMatch(f -> f.contains("does not beat weighted-random on mean rating")),
                r.failures().toString());
        assertTrue(r.welch().t() < 0 && r.welch().p() < 0.05, r.text());
    }

    @Test
    void reportsMalformedLinesWithFileAndLine() throws IOException {
        List<String> lines = new ArrayList<>();
        generate(lines, "learned", 60, 4, new Random(5));
        generate(lines, "weighted-random", 60, 3, new Random(6));
        lines.set(2, "{\"format\": \"aivj-feedback-log-v1\", \"arm\": ");
        lines.set(5, lines.get(5).replaceFirst("\"value\":", "\"value\":7,\"x\":")); // a rating of 7 stars
        Path file = dir.resolve("bad.jsonl");
        Files.write(file, lines);
        FeedbackLogReader.Read read = FeedbackLogReader.read(file);
        assertEquals(2, read.problems().size(), read.problems().toString());
        assertTrue(read.problems().get(0).startsWith(file + ":3: not JSON"), read.problems().get(0));
        assertTrue(read.problems().get(1).startsWith(file + ":6: rating must be within 1.0..5.0"),
                read.problems().get(1));
        assertEquals(lines.size() - 2, read.events().size());
        Run run = run("--logs", file.toString());
        assertTrue(run.out.contains("2 malformed line(s)") && run.out.contains("malformed: " + file + ":3:"), run.out);
    }

    @Test
    void badUsageAndMissingLogsExitTwoWithOneLine() {
        Run missing = run("--logs", dir.resolve("none").toString());
        assertEquals(2, missing.code);
        assertEquals(1, missing.err.strip().lines().count(), missing.err);
        assertEquals(2, run("--frobnicate").code);
    }

    /**
     * GENERATED traffic: n rated sections of one arm, each a shown event and a rating around {@code mean}; the
     * learned arm shows a few pairs again and again, weighted-random many pairs.
     */
    static void generate(List<String> out, String arm, int n, double mean, Random rnd) {
        double[] x = new double[PairFeatures.DIMENSIONS];
        for (int i = 0; i < n; i++) {
            String pair = arm.equals("learned") ? "fg" + (i % 10) + "|bg" : "fg" + arm + i + "|bg";
            String inst = arm + "-install-" + (i % 4);
            out.add(FeedbackLogWriter.line(new FeedbackEvent(inst, arm, "s" + i / 8, i * 30_000L, "shown", 30, null,
                    pair, "edm", 0.5, x, "generated", true)));
            double stars = Math.max(1, Math.min(5, Math.round(mean + rnd.nextGaussian())));
            out.add(FeedbackLogWriter.line(new FeedbackEvent(inst, arm, "s" + i / 8, i * 30_000L + 20_000, "rating",
                    stars, FeedbackSignal.RATING.reward(stars), pair, "edm", 0.5, x, "generated", true)));
        }
    }

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        System.setErr(new PrintStream(err, true));
        try {
            int code = AbReportMain.run(args);
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
