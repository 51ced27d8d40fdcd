package dev.aivj.training.coupling;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains each variant (the full model and its ablations) with the same seeds and split, evaluates it
 * ({@link CouplingEvaluation}) and writes {@code report.md} / {@code report.json}. The first variant's first seed
 * is the model that is kept ({@link CouplingCheckpoint}).
 */
public final class CouplingReport {
    /** A named training configuration. */
    public record Variant(String name, CouplingTrainer.Config config) {
    }

    /** One trained run. */
    public record Run(String variant, long seed, CouplingEvaluation eval, int bestEpoch, int divergedEpoch,
            int skippedSteps, double seconds) {
    }

    private final CouplingPairs.Loaded data;
    private final PairSplit split;
    private final int seeds;
    private final List<Run> runs = new ArrayList<>();
    private final List<Variant> variants = new ArrayList<>();

    public CouplingReport(CouplingPairs.Loaded data, PairSplit split, int seeds) {
        this.data = data;
        this.split = split;
        this.seeds = seeds;
    }

    public void run(List<Variant> toRun, Path out) throws IOException {
        for (Variant v : toRun) {
            variants.add(v);
            for (int k = 0; k < seeds; k++) {
                CouplingTrainer.Config c = v.config().withSeed(v.config().seed() + k);
                long t0 = System.nanoTime();
                CouplingTrainer.Trained t = new CouplingTrainer(c, line -> System.out.println("  " + v.name() + ", seed "
                        + c.seed() + ": " + line)).train(split.train(), split.validation());
                double secs = (System.nanoTime() - t0) / 1e9;
                CouplingEvaluation e;
                try (CouplingPredictor p = new CouplingPredictor(t)) {
                    e = CouplingEvaluation.of(p, split, data.pairs());
                }
                runs.add(new Run(v.name(), c.seed(), e, t.bestEpoch(), t.divergedEpoch(), t.skippedSteps(), secs));
                System.out.printf(Locale.ROOT, "train-coupling: %s, seed %d: held-out Spearman %.4f, top-20 %.2f, "
                        + "golden %d/%d in top quartile (worst #%d), best epoch %d%s, %d step(s) left out, %.1f s%n",
                        v.name(), c.seed(), e.heldOutSpearman(), e.heldOutTop20(), e.goldenInTopQuartile(),
                        e.goldenTotal(), e.worstGoldenPosition(), t.bestEpoch(),
                        t.divergedEpoch() > 0 ? " (diverged in epoch " + t.divergedEpoch() + ")" : "",
                        t.skippedSteps(), secs);
                if (runs.size() == 1) {
                    CouplingCheckpoint.save(out, t, c);
                }
                writeReports(out); // after every run, so a long report survives an interruption
            }
        }
    }

    private void writeReports(Path out) throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("report.md"), markdown());
        writeJson(out.resolve("report.json"));
    }

    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# Coupling model report\n\n");
        b.append(String.format(Locale.ROOT, "Pack `%s`: %d pairs (%d elite), %d rows skipped. Split by pair number: "
                + "%d train, %d validation, %d held out, %d golden gate. %s The held-out figures are on unseen "
                + "regular pairs. %d seed(s) per variant; mean ± sd over seeds.%n%n",
                data.pack(), data.pairs().size(), data.pairs().stream().filter(CouplingExample::elite).count(),
                data.skipped().size(), split.train().size(), split.validation().size(), split.test().size(),
                split.goldenGate().size(), split.goldenGate().isEmpty()
                        ? "Every elite (golden) pair trains, so the golden figures are on pairs the model saw."
                        : "The golden gate's elite pairs never train: the golden figures are on them alone.", seeds));
        if (data.pack().contains("bootstrap")) {
            b.append("**Trained on GENERATED bootstrap pairs** (scores from rendered composites, see "
                    + "data/bootstrap-pairs/README.md), not on the team's scored pairs.\n\n");
        }
        b.append("| variant | held-out Spearman | held-out top-20 hit rate | validation Spearman | golden set in top"
                + " quartile | worst golden position | best epoch | steps left out (non-finite gradient) | train s |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Variant v : variants) {
            List<Run> rs = runs.stream().filter(r -> r.variant().equals(v.name())).toList();
            if (rs.isEmpty()) {
                continue;
            }
            int total = rs.get(0).eval().goldenTotal();
            b.append("| ").append(v.name())
                    .append(" | ").append(stat(rs, r -> r.eval().heldOutSpearman(), 3))
                    .append(" | ").append(stat(rs, r -> r.eval().heldOutTop20(), 2))
                    .append(" | ").append(stat(rs, r -> r.eval().validationSpearman(), 3))
                    .append(" | ").append(stat(rs, r -> r.eval().goldenInTopQuartile(), 0)).append(" / ").append(total)
                    .append(" | ").append(stat(rs, r -> r.eval().worstGoldenPosition(), 0)).append(" of ")
                    .append(rs.get(0).eval().packSize())
                    .append(" | ").append(stat(rs, Run::bestEpoch, 0)).append(diverged(rs))
                    .append(" | ").append(stat(rs, Run::skippedSteps, 0))
                    .append(" | ").append(stat(rs, Run::seconds, 0)).append(" |\n");
        }
        Run kept = runs.isEmpty() ? null : runs.get(0);
        if (kept != null) {
            b.append(String.format(Locale.ROOT, "%nKept model (%s, seed %d): golden set %s — %d of %d elite pairs in "
                    + "the top quartile of the %d-pair pack, worst at position %d.%n", kept.variant(), kept.seed(),
                    kept.eval().goldenSetPasses() ? "PASSES" : "FAILS", kept.eval().goldenInTopQuartile(),
                    kept.eval().goldenTotal(), kept.eval().packSize(), kept.eval().worstGoldenPosition()));
        }
        return b.toString();
    }

    /** " (diverged in epoch 54)" or, over several seeds, " (seed 8 diverged in epoch 54)"; "" when none did. */
    private static String diverged(List<Run> rs) {
        StringBuilder b = new StringBuilder();
        for (Run r : rs) {
            if (r.divergedEpoch() > 0) {
                b.append(b.length() == 0 ? " (" : ", ").append(rs.size() > 1 ? "seed " + r.seed() + " " : "")
                        .append("diverged in epoch ").append(r.divergedEpoch());
            }
        }
        return b.length() == 0 ? "" : b.append(')').toString();
    }

    private static String stat(List<Run> rs, java.util.function.ToDoubleFunction<Run> f, int decimals) {
        double[] v = rs.stream().mapToDouble(f).toArray();
        double mean = java.util.Arrays.stream(v).average().orElse(Double.NaN);
        String fmt = "%." + decimals + "f";
        if (v.length < 2) {
            return String.format(Locale.ROOT, fmt, mean);
        }
        double sd = Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1));
        return String.format(Locale.ROOT, fmt + " ± " + fmt, mean, sd);
    }

    private void writeJson(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("pack", data.pack());
        root.put("pairs", data.pairs().size());
        root.put("skipped", data.skipped().size());
        root.put("train", split.train().size());
        root.put("validation", split.validation().size());
        root.put("heldOut", split.test().size());
        root.put("goldenGate", split.goldenGate().size());
        ArrayNode rs = root.putArray("runs");
        for (Run r : runs) {
            ObjectNode o = rs.addObject();
            o.put("variant", r.variant());
            o.put("seed", r.seed());
            o.set("evaluation", json.valueToTree(r.eval()));
            o.put("bestEpoch", r.bestEpoch());
            o.put("divergedEpoch", r.divergedEpoch());
            o.put("skippedSteps", r.skippedSteps());
            o.put("seconds", r.seconds());
        }
        json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }
}
