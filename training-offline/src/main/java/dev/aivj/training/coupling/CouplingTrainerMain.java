package dev.aivj.training.coupling;

import dev.aivj.engine.feedback.GlobalPrior;
import dev.aivj.presets.PresetLibrary;
import dev.aivj.training.feedback.FeedbackTargets;
import dev.aivj.training.pack.PackFolder;
import dev.aivj.training.pack.PackVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./aivj train-coupling [--pairs DIR] [--elite DIR] [--pack DIR] [--status FILE] [--presets DIR] [--out DIR]
 * [--seeds 2] [--seed 7] [--epochs 70] [--patience 0] [--golden-gate 20] [--feedback DIR]
 * [--no-ablations | --variants full,no-attention,no-adaptive,beta0,no-elite,lambda0]}:
 * trains the coupling model on a pack's scored pairs (default: the GENERATED bootstrap pairs in data/bootstrap-pairs),
 * keeps the first variant's first seed's checkpoint ({@code --seed}, then one up per further seed; normally the full
 * model) in {@code --out} with the golden pairs it never
 * trained on ({@link GoldenGateFile}; {@code --golden-gate} percent of the elite), trains each ablation (one item
 * switched off) with the same seeds, and writes {@code report.md} and
 * {@code report.json} there (see {@link CouplingReport}). {@code --pack DIR}: the pairs, golden pairs and measured
 * presets of a pack imported by {@code ./aivj import-pack}, the checkpoint in {@code DIR/aivj-import/coupling}. With
 * {@code --feedback DIR} the pairs' targets are first
 * moved by the federation's aggregated viewer preference (DIR/prior.json; {@link FeedbackTargets}).
 */
public final class CouplingTrainerMain {
    private CouplingTrainerMain() {
    }

    public static void main(String[] args) throws IOException {
        Path pairs = Path.of("data/bootstrap-pairs/candidates");
        Path elite = Path.of("data/bootstrap-pairs/elite");
        Path status = LibraryVectors.DEFAULT_STATUS;
        Path presets = PresetLibrary.resolveRoot(null);
        Path out = null;
        Path pack = null;
        int seeds = 2;
        int goldenGate = PairSplit.DEFAULT_GOLDEN_GATE_PERCENT;
        boolean ablations = true;
        String only = null;
        Path feedback = null;
        CouplingTrainer.Config config = CouplingTrainer.Config.defaults();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--pack" -> pack = Path.of(need(args[i], value));
                case "--pairs" -> pairs = Path.of(need(args[i], value));
                case "--elite" -> elite = Path.of(need(args[i], value));
                case "--status" -> status = Path.of(need(args[i], value));
                case "--presets" -> presets = PresetLibrary.resolveRoot(need(args[i], value));
                case "--out" -> out = Path.of(need(args[i], value));
                case "--seeds" -> seeds = Integer.parseInt(need(args[i], value));
                case "--epochs" -> config = config.withEpochs(Integer.parseInt(need(args[i], value)));
                case "--patience" -> config = config.withPatience(Integer.parseInt(need(args[i], value)));
                case "--variants" -> only = need(args[i], value);
                case "--golden-gate" -> goldenGate = Integer.parseInt(need(args[i], value));
                case "--seed" -> config = config.withSeed(Long.parseLong(need(args[i], value)));
                case "--feedback" -> feedback = Path.of(need(args[i], value));
                case "--no-ablations" -> {
                    ablations = false;
                    continue;
                }
                default -> fail("unknown argument " + args[i]);
            }
            i++;
        }
        GlobalPrior prior = null;
        if (feedback != null) {
            try {
                prior = FeedbackTargets.readPrior(feedback); // refused before the long part starts
            } catch (IllegalArgumentException e) {
                fail(e.getMessage());
            }
        }
        Map<String, float[]> vectors;
        if (pack != null) {
            // A pack imported by import-pack: its scored pairs (the team's score where it gave one, else the
            // coupling model's quality01), its golden pairs, its own measured presets; the checkpoint stays with it.
            PackFolder folder = new PackFolder(pack.toAbsolutePath().normalize());
            if (!folder.imported()) {
                fail(pack + ": not imported yet (run ./aivj import-pack " + pack + " first)");
            }
            pairs = folder.manifest();
            elite = folder.elite();
            out = out != null ? out : folder.root().resolve("coupling");
            vectors = PackVectors.read(folder.pack());
        } else {
            out = out != null ? out : Path.of("runs/coupling-v1");
            vectors = LibraryVectors.read(status, presets);
        }
        CouplingPairs.Loaded loaded = CouplingPairs.load(manifest(pairs), Files.isDirectory(elite) || Files.isRegularFile(elite)
                ? manifest(elite) : null, vectors);
        if (prior != null) {
            loaded = FeedbackTargets.fineTune(loaded, prior, vectors); // the viewers' aggregated preference
        }
        for (String s : loaded.skipped()) {
            System.out.println("train-coupling: skipped " + s);
        }
        PairSplit split = PairSplit.of(loaded.pairs(), 0, goldenGate);
        System.out.printf("train-coupling: pack %s, %d pairs (%d elite), %d skipped; split %d train / %d validation"
                + " / %d held out / %d golden gate (never trained on); %d preset vectors%n", loaded.pack(),
                loaded.pairs().size(), loaded.pairs().stream().filter(CouplingExample::elite).count(),
                loaded.skipped().size(), split.train().size(), split.validation().size(), split.test().size(),
                split.goldenGate().size(), vectors.size());

        Map<String, CouplingReport.Variant> known = variants(config);
        List<CouplingReport.Variant> variants = new ArrayList<>();
        for (String key : only != null ? List.of(only.split(",")) : ablations ? List.copyOf(known.keySet())
                : List.of("full")) {
            CouplingReport.Variant v = known.get(key.strip());
            if (v == null) {
                fail("unknown variant " + key + " (known: " + String.join(", ", known.keySet()) + ")");
            }
            variants.add(v);
        }
        CouplingReport report = new CouplingReport(loaded, split, seeds);
        try {
            report.run(variants, out);
        } catch (IllegalArgumentException e) { // e.g. a pack too small for elite-priority batches: one line
            fail("pack " + loaded.pack() + ": " + e.getMessage());
        }
        GoldenGateFile.write(out, loaded.pack(), goldenGate, split.goldenGate());
        // How this checkpoint was made, for the bundle exported from it and the model registry's versions.csv.
        Files.writeString(out.resolve("command.txt"), "./aivj train-coupling " + String.join(" ", args) + "\n");
        System.out.println(report.markdown());
        System.out.println("train-coupling: checkpoint and report in " + out.toAbsolutePath());
    }

    /** The full model and its ablations (one item switched off each), by the key --variants takes. */
    private static Map<String, CouplingReport.Variant> variants(CouplingTrainer.Config config) {
        Map<String, CouplingReport.Variant> v = new LinkedHashMap<>();
        v.put("full", new CouplingReport.Variant("full model", config));
        v.put("no-attention", new CouplingReport.Variant("without residual attention", config.withAttention(false)));
        v.put("no-adaptive", new CouplingReport.Variant("without adaptive w_s, w_t (one global pair)",
                config.withAdaptiveWeights(false)));
        v.put("beta0", new CouplingReport.Variant("without score reweighting (β = 0)", config.withBeta(0)));
        v.put("no-elite", new CouplingReport.Variant("without elite-priority sampling",
                config.withEliteSampling(false)));
        v.put("lambda0", new CouplingReport.Variant("without coupling loss (λ = 0)", config.withCouplingLambda(0)));
        return v;
    }

    private static Path manifest(Path p) {
        return Files.isDirectory(p) ? p.resolve("pairs-manifest.json") : p;
    }

    private static String need(String flag, String value) {
        if (value == null) {
            fail(flag + " needs a value");
        }
        return value;
    }

    private static void fail(String message) {
        System.err.println("train-coupling: " + message);
        System.exit(2);
    }
}
