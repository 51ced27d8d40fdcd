package dev.aivj.export.coupling;

import dev.aivj.engine.coupling.CouplingModel;
import dev.aivj.presets.PresetLibrary;
import dev.aivj.training.coupling.CouplingCheckpoint;
import dev.aivj.training.coupling.CouplingTrainer;
import dev.aivj.training.coupling.GoldenGateFile;
import dev.aivj.training.coupling.LibraryVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./aivj export-coupling --checkpoint runs/coupling-v1 --out DIR [--status FILE] [--presets DIR]}: writes
 * the trained coupling model as an engine bundle ({@code manifest.json} + {@code weights.bin}), loads it back with
 * engine-core, checks it against DJL on {@value #PARITY_PAIRS} pairs of real preset vectors (refusing the export
 * when any output differs by {@value #PARITY_LIMIT} or more) and writes {@code model-card.md}: the training report
 * plus the parity.
 */
public final class CouplingModelExporter {
    static final int PARITY_PAIRS = 1000;
    static final double PARITY_LIMIT = 1e-4;

    private CouplingModelExporter() {
    }

    public static void main(String[] args) throws IOException {
        Path checkpoint = Path.of("runs/coupling-v1");
        Path out = null;
        Path status = LibraryVectors.DEFAULT_STATUS;
        Path presets = PresetLibrary.resolveRoot(null);
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--checkpoint" -> checkpoint = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--status" -> status = Path.of(args[i + 1]);
                case "--presets" -> presets = PresetLibrary.resolveRoot(args[i + 1]);
                default -> fail("unknown argument " + args[i]);
            }
        }
        if (out == null || args.length % 2 != 0) {
            fail("usage: export-coupling --checkpoint DIR --out DIR [--status FILE] [--presets DIR]");
        }
        CouplingTrainer.Trained trained = CouplingCheckpoint.load(checkpoint);
        CouplingBundle.write(trained, out);
        CouplingModel engine = CouplingBundle.load(out);
        Map<String, float[]> vectors = LibraryVectors.read(status, presets);
        CouplingParity.Result parity = CouplingParity.measure(trained, engine,
                CouplingParity.randomPairs(vectors, PARITY_PAIRS, 1));
        String line = String.format(Locale.ROOT, "DJL vs engine-core on %d random pairs of real preset vectors, max"
                + " |Δ|: quality %.2e, w_s %.2e, w_t %.2e, S %.2e, T %.2e", parity.pairs(), parity.maxDiff()[0],
                parity.maxDiff()[1], parity.maxDiff()[2], parity.maxDiff()[3], parity.maxDiff()[4]);
        System.out.println("export-coupling: " + line);
        if (parity.max() >= PARITY_LIMIT) {
            fail("parity " + parity.max() + " is not below " + PARITY_LIMIT + ": the bundle is not the trained model");
        }
        Path report = checkpoint.resolve("report.md");
        String card = (Files.isRegularFile(report) ? Files.readString(report) : "# Coupling model\n")
                + String.format(Locale.ROOT, "%n## Bundle%n%n- %d parameters (normaliser included), weights.bin "
                        + "%d bytes, vectors %s%n- parity: %s%n- best epoch %d, validation Spearman %.4f%n",
                        engine.spec().parameterCount(), Files.size(out.resolve("weights.bin")),
                        engine.spec().vectorVersion(), line, trained.bestEpoch(), trained.bestValidationSpearman());
        Files.writeString(out.resolve("model-card.md"), card);
        Path made = checkpoint.resolve("command.txt");
        Files.writeString(out.resolve("command.txt"), (Files.isRegularFile(made) ? Files.readString(made) : "")
                + "./aivj export-coupling " + String.join(" ", args) + "\n");
        Path gate = checkpoint.resolve(GoldenGateFile.FILE);
        if (Files.isRegularFile(gate)) { // the golden pairs it never trained on travel with the bundle to the release gate
            Files.copy(gate, out.resolve(GoldenGateFile.FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.println("export-coupling: bundle and model card in " + out.toAbsolutePath());
    }

    private static void fail(String message) {
        System.err.println("export-coupling: " + message);
        System.exit(2);
    }
}
