package dev.aivj.training.feedback;

import dev.aivj.engine.feedback.ViewerArm;
import dev.aivj.engine.recommend.PairLibrary;
import dev.aivj.training.CommandOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ./aivj simulate-feedback [--viewers 24 --sessions 20 --sections 8 --seeds 10 --seed 19 --gammas 0,1,2,4,8,16
 * --library FILE --out DIR]}: SIMULATED viewers ({@link ViewerArchetype}) watch SIMULATED songs through the real
 * recommender and bandit ({@link FeedbackSimulation}); prints the lift table ({@link SimulationResult}) and writes to
 * DIR (default {@value #DEFAULT_OUT}) learning-curves.png, report.md, and logs/*.jsonl: the first seed's traffic as
 * an A/B test (one arm per viewer by {@link ViewerArm#assign}), which {@code ./aivj ab-report} reads, and whose report
 * is printed too.
 */
public final class SimulateFeedbackMain {
    static final String DEFAULT_OUT = "runs/feedback-simulation";
    static final String DEFAULT_LIBRARY = "web-frontend/src/main/resources/web/pairs/pair-library.json";

    private SimulateFeedbackMain() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (IOException e) {
            System.err.println("simulate-feedback: " + e.getMessage());
            System.exit(2);
        }
    }

    static int run(String[] args) throws IOException {
        SimulationConfig d = SimulationConfig.defaults();
        Path out;
        Path libraryFile;
        SimulationConfig config;
        try {
            CommandOptions o = CommandOptions.parse(args, "--viewers", "--sessions", "--sections", "--seeds", "--seed",
                    "--gammas", "--out", "--library");
            if (!o.positional().isEmpty()) {
                throw new IllegalArgumentException("unknown argument " + o.positional().get(0));
            }
            out = o.path("--out", Path.of(DEFAULT_OUT));
            libraryFile = o.path("--library", Path.of(DEFAULT_LIBRARY));
            config = new SimulationConfig(o.integer("--viewers", d.viewers()), o.integer("--sessions", d.sessions()),
                    o.integer("--sections", d.sections()), o.integer("--seeds", d.seeds()), o.whole("--seed", d.seed()),
                    o.numbers("--gammas", d.gammas()));
        } catch (IllegalArgumentException e) {
            System.err.println("simulate-feedback: " + e.getMessage() + " (usage: ./aivj simulate-feedback [--viewers N"
                    + " --sessions N --sections N --seeds N --seed S --gammas G,G.. --library FILE --out DIR])");
            return 2;
        }
        if (!Files.isRegularFile(libraryFile)) {
            System.err.println("simulate-feedback: no pair library at " + libraryFile);
            return 2;
        }
        PairLibrary library;
        try {
            library = PairLibrary.parse(Files.readString(libraryFile));
        } catch (IllegalArgumentException e) {
            System.err.println("simulate-feedback: " + libraryFile + ": " + e.getMessage());
            return 2;
        }
        FeedbackSimulation sim = new FeedbackSimulation(library, config);
        Map<String, List<String>> logs = new TreeMap<>();
        List<Map<String, FeedbackSimulation.Curves>> runs = new ArrayList<>();
        long started = System.nanoTime();
        for (int s = 0; s < config.seeds(); s++) {
            runs.add(sim.run(s, s == 0
                    ? e -> logs.computeIfAbsent(e.installation(), k -> new ArrayList<>()).add(FeedbackLogWriter.line(e))
                    : null));
            System.err.printf("simulate-feedback: seed %d/%d done (%.0f s)%n", s + 1, config.seeds(),
                    (System.nanoTime() - started) / 1e9);
        }
        SimulationResult result = new SimulationResult(config, runs);
        Path logDir = out.resolve("logs");
        Files.createDirectories(logDir);
        try (var old = Files.list(logDir)) {
            for (Path p : old.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                Files.delete(p); // a smaller rerun must not leave the last run's installations behind
            }
        }
        for (Map.Entry<String, List<String>> e : logs.entrySet()) {
            Files.write(logDir.resolve(e.getKey() + ".jsonl"), e.getValue());
        }
        Path png = out.resolve("learning-curves.png");
        LearningCurvePlot.write(result, png);
        AbReport ab = new AbReport(FeedbackLogReader.read(logDir));
        String table = result.liftTable();
        Files.writeString(out.resolve("report.md"), SimulationReport.markdown(result, ab, args));
        System.out.println(table);
        System.out.println("A/B report on the SIMULATED traffic of seed 1 (" + logDir + "):");
        System.out.print(ab.text());
        System.out.println("simulate-feedback: learning curves " + png.toAbsolutePath() + ", report "
                + out.resolve("report.md").toAbsolutePath());
        return 0;
    }
}
