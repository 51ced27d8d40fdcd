package dev.aivj.export.gate;

import dev.aivj.engine.coupling.CouplingModel;
import dev.aivj.export.coupling.CouplingBundle;
import dev.aivj.presets.PresetLibrary;
import dev.aivj.registry.GateFigures;
import dev.aivj.registry.ModelRegistry;
import dev.aivj.training.coupling.CouplingPairs;
import dev.aivj.training.coupling.GoldenGateFile;
import dev.aivj.training.coupling.LibraryVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./aivj promote BUNDLE [--registry DIR] [--pairs DIR] [--elite DIR] [--command TEXT] [--renders N]} (the
 * command defaults to the bundle's command.txt; N golden pairs are rendered, default {@value RenderGate#DEFAULT_PAIRS}):
 * registers a coupling
 * bundle as a candidate, runs the {@link ReleaseGate} against the model served now (the registry's latest, else the
 * bundled one) on the pack, writes the gate's figures and {@link QualityReport} beside it, and promotes it when the
 * gate passes. When it does not, it prints every reason, leaves LATEST alone and exits 1.
 */
public final class PromoteCommand {
    public static final Path BUNDLED = Path.of("web-frontend/src/main/resources/web/models/coupling-v1");

    private PromoteCommand() {
    }

    public static void main(String[] args) throws IOException {
        Path bundle = null;
        Path root = ModelRegistry.defaultRoot();
        Path pairs = Path.of("data/bootstrap-pairs/candidates");
        Path elite = Path.of("data/bootstrap-pairs/elite");
        String command = null;
        int renders = RenderGate.DEFAULT_PAIRS;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                bundle = Path.of(a);
                continue;
            }
            if (i + 1 >= args.length) {
                fail(a + " needs a value");
            }
            switch (a) {
                case "--registry" -> root = Path.of(args[++i]);
                case "--pairs" -> pairs = Path.of(args[++i]);
                case "--elite" -> elite = Path.of(args[++i]);
                case "--command" -> command = args[++i];
                case "--renders" -> renders = Integer.parseInt(args[++i]);
                default -> fail("unknown argument " + a);
            }
        }
        if (bundle == null || !Files.isRegularFile(bundle.resolve("manifest.json"))) {
            fail("usage: promote BUNDLE_DIR [--registry DIR] [--pairs DIR] [--elite DIR] [--command TEXT] [--renders N]"
                    + (bundle == null ? "" : " (" + bundle + " has no manifest.json)"));
        }
        Map<String, float[]> vectors = LibraryVectors.read(LibraryVectors.DEFAULT_STATUS, PresetLibrary.resolveRoot(null));
        CouplingPairs.Loaded pack = CouplingPairs.load(manifest(pairs), manifest(elite), vectors);
        System.exit(promote(bundle, new ModelRegistry(root, "coupling"), pack, dataHash(manifest(pairs), manifest(elite)),
                command != null ? command : madeBy(bundle), BUNDLED, renders) ? 0 : 1);
    }

    /**
     * Registers, gates against the registry's latest (or {@code bundled} while none was promoted) and, when it
     * passes, promotes; returns whether it was promoted.
     */
    public static boolean promote(Path bundle, ModelRegistry registry, CouplingPairs.Loaded pack, String dataHash,
            String command, Path bundled, int renderPairs) throws IOException {
        CouplingModel candidate = CouplingBundle.load(bundle);
        String current = registry.latest().orElse(null);
        Path currentBundle = current != null ? registry.bundle(current) : bundled;
        String currentName = current != null ? current : "the bundled model (" + bundled + ")";

        String version = registry.register(bundle, dataHash, command);
        System.out.println("promote: registered " + bundle + " as " + version + "; gating it against " + currentName);
        ReleaseGate.Result r = ReleaseGate.evaluate(candidate, GoldenGateFile.read(bundle), CouplingBundle.load(currentBundle),
                pack.pack(), pack.pairs(), new RenderGate(registry.bundle(version).resolve("renders"), System.out),
                renderPairs);
        GateFigures f = r.figures();
        registry.recordGate(version, f);
        Path report = QualityReport.write(registry.bundle(version), version, currentName, r);
        linkReportFromModelCard(registry.bundle(version));
        System.out.printf(Locale.ROOT, "promote: golden %d/%d (%.1f %%), drift KL %.4f, pairing latency P95 %.2f ms"
                + " P99 %.2f ms; regression vs current: %s%n", f.goldenPassed(), f.goldenTotal(),
                100 * f.goldenPassRate(), f.driftKl(), f.latencyP95Ms(), f.latencyP99Ms(), r.regression().line());
        System.out.println("promote: report " + report.toAbsolutePath());
        if (!f.passed()) {
            System.out.println("promote: REFUSED " + version + "; latest stays " + (current != null ? current : "the bundled model") + ":");
            f.refusals().forEach(why -> System.out.println("  - " + why));
            return false;
        }
        registry.promote(version, "passed the release gate");
        System.out.println("promote: PROMOTED " + version + " (latest)");
        return true;
    }

    /** The commands that made the bundle (its command.txt, written by train-coupling and export-coupling). */
    private static String madeBy(Path bundle) throws IOException {
        Path f = bundle.resolve("command.txt");
        return Files.isRegularFile(f) ? Files.readString(f).strip().replace("\n", " && ")
                : "(not recorded: the bundle has no command.txt; pass --command)";
    }

    private static void linkReportFromModelCard(Path dir) throws IOException {
        Path card = dir.resolve("model-card.md");
        String link = "\n\n## Release gate\n\nQuality report: [" + QualityReport.FILE + "](" + QualityReport.FILE
                + ") (golden pairs, score drift, latency, stratified regression).\n";
        Files.writeString(card, (Files.isRegularFile(card) ? Files.readString(card) : "# Coupling model\n") + link);
    }

    /** SHA-256 over the pack's manifests: the data the gate judged the candidate on. */
    public static String dataHash(Path... files) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                md.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path manifest(Path p) {
        return Files.isDirectory(p) ? p.resolve("pairs-manifest.json") : p;
    }

    private static void fail(String message) {
        System.err.println("promote: " + message);
        System.exit(2);
    }
}
