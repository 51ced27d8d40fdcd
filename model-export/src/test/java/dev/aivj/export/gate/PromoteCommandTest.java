package dev.aivj.export.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.presets.PresetLibrary;
import dev.aivj.registry.ModelRegistry;
import dev.aivj.registry.VersionRow;
import dev.aivj.training.coupling.CouplingExample;
import dev.aivj.training.coupling.CouplingPairs;
import dev.aivj.training.coupling.LibraryVectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release on the real bootstrap pack, with candidates made from the shipped model (PerturbedBundles): one moved a
 * little passes and is promoted; one whose weights are drowned in noise is refused with its reasons and leaves
 * LATEST alone; a candidate without golden-gate.json is refused; a rollback serves the previous promotion again.
 */
class PromoteCommandTest {
    private static final Path ROOT = Path.of("..");
    private static CouplingPairs.Loaded pack;
    private static List<Integer> goldenGate;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadPack() throws Exception {
        pack = CouplingPairs.load(ROOT.resolve("data/bootstrap-pairs/candidates/pairs-manifest.json"),
                ROOT.resolve("data/bootstrap-pairs/elite/pairs-manifest.json"),
                LibraryVectors.read(ROOT.resolve(LibraryVectors.DEFAULT_STATUS), PresetLibrary.resolveRoot(null)));
        // 100 of the elite pairs (the shipped model trained on all of them: these tests check the gate's mechanics;
        // honest candidates come from train-coupling --golden-gate).
        goldenGate = pack.pairs().stream().filter(CouplingExample::elite).map(CouplingExample::pair).limit(100).toList();
    }

    @Test
    void aGoodCandidateIsPromotedAWorseOneRefusedAndARollbackServesThePreviousAgain() throws Exception {
        ModelRegistry reg = new ModelRegistry(tmp.resolve("registry"), "coupling");
        Path near = PerturbedBundles.write(tmp.resolve("near"), 0.002, 1, pack.pack(), goldenGate);
        // Two golden pairs are also rendered with the shipped model's mix and the candidate's: near enough to pass.
        assertTrue(PromoteCommand.promote(near, reg, pack, "data", "test: shipped model, noise 0.002", PerturbedBundles.SHIPPED, 2));
        String first = reg.latest().orElseThrow();
        VersionRow row = reg.version(first).orElseThrow();
        assertEquals("promoted", row.status());
        assertEquals(100, row.gate().goldenTotal());
        assertTrue(row.gate().goldenPassRate() >= GoldenPass.REQUIRED_RATE, row.toString());
        assertTrue(row.gate().driftKl() < ScoreDrift.LIMIT, row.toString());
        assertTrue(Files.readString(reg.bundle(first).resolve("model-card.md")).contains("report.html"));
        String firstReport = Files.readString(reg.bundle(first).resolve(QualityReport.FILE));
        assertTrue(firstReport.contains("Golden renders") && firstReport.contains("renders/candidate/"), "renders in the report");
        try (var frames = Files.walk(reg.bundle(first).resolve("renders/candidate"))) {
            assertEquals(6, frames.filter(f -> f.toString().endsWith(".png")).count(), "2 pairs x 3 frames");
        }

        Thread.sleep(1100);
        Path worse = PerturbedBundles.write(tmp.resolve("worse"), 3.0, 2, pack.pack(), goldenGate);
        assertFalse(PromoteCommand.promote(worse, reg, pack, "data", "test: shipped model, noise 3.0", PerturbedBundles.SHIPPED, 0));
        assertEquals(first, reg.latest().orElseThrow(), "a refused candidate leaves LATEST alone");
        VersionRow refused = reg.versions().get(1);
        assertEquals("refused", refused.status());
        String reasons = String.join("\n", refused.gate().refusals());
        assertTrue(reasons.contains("golden pairs:") && reasons.contains("below the required 98 %"), reasons);
        assertTrue(reasons.contains("score drift: KL"), reasons);
        String report = Files.readString(reg.bundle(refused.version()).resolve(QualityReport.FILE));
        assertTrue(report.contains("REFUSED") && report.contains("score drift: KL"), "the report says why");

        Thread.sleep(1100);
        Path alsoNear = PerturbedBundles.write(tmp.resolve("near2"), 0.002, 3, pack.pack(), goldenGate);
        assertTrue(PromoteCommand.promote(alsoNear, reg, pack, "data", "test: noise 0.002 again", PerturbedBundles.SHIPPED, 0));
        String second = reg.latest().orElseThrow();
        assertEquals(java.util.Optional.of(first), reg.rollback("forced by the test"),
                "the rollback serves the first promotion again");
        assertEquals("rolled-back", reg.version(second).orElseThrow().status());
    }

    @Test
    void aCandidateThatTrainedOnEveryGoldenPairIsRefused() throws Exception {
        ModelRegistry reg = new ModelRegistry(tmp.resolve("registry"), "coupling");
        Path bare = Files.createDirectories(tmp.resolve("bare"));
        for (String f : List.of("manifest.json", "weights.bin")) {
            Files.copy(PerturbedBundles.SHIPPED.resolve(f), bare.resolve(f));
        }
        assertFalse(PromoteCommand.promote(bare, reg, pack, "data", "test: the shipped bundle as it is", PerturbedBundles.SHIPPED, 0));
        assertTrue(reg.latest().isEmpty());
        assertTrue(reg.versions().get(0).gate().refusals().get(0).contains("no golden-gate.json"),
                reg.versions().get(0).gate().refusals()::toString);
    }
}
