package dev.aivj.export.coupling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivj.engine.coupling.CouplingModel;
import dev.aivj.presets.PresetLibrary;
import dev.aivj.training.coupling.CouplingExample;
import dev.aivj.training.coupling.CouplingPairs;
import dev.aivj.training.coupling.CouplingTrainer;
import dev.aivj.training.coupling.LibraryVectors;
import dev.aivj.training.coupling.PairSplit;
import dev.aivj.training.pairs.CollapsedQualityException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export of a coupling model really trained by DJL (a few epochs on part of the bootstrap pairs, with the measured
 * vectors of the real projectM presets): the engine bundle equals the DJL model, and export-quality writes the
 * team's file or refuses a collapsed model.
 */
class CouplingExportTest {
    private static final Path ROOT = Path.of("..");
    private static Map<String, float[]> vectors;
    private static CouplingTrainer.Trained trained;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainSmallModel() throws Exception {
        vectors = LibraryVectors.read(ROOT.resolve(LibraryVectors.DEFAULT_STATUS), PresetLibrary.resolveRoot(null));
        List<CouplingExample> pairs = CouplingPairs.load(
                ROOT.resolve("data/bootstrap-pairs/candidates/pairs-manifest.json"),
                ROOT.resolve("data/bootstrap-pairs/elite/pairs-manifest.json"), vectors).pairs();
        PairSplit split = PairSplit.of(pairs.subList(0, 1200), 0);
        trained = new CouplingTrainer(CouplingTrainer.Config.defaults().withEpochs(3), line -> { })
                .train(split.train(), split.validation());
    }

    @Test
    void theEngineBundleComputesWhatDjlComputes() throws Exception {
        CouplingBundle.write(trained, dir);
        CouplingModel engine = CouplingBundle.load(dir);
        CouplingParity.Result parity = CouplingParity.measure(trained, engine,
                CouplingParity.randomPairs(vectors, 500, 3));
        System.out.printf("coupling export parity (500 pairs): max |diff| %.2e%n", parity.max());
        assertTrue(parity.max() < 1e-4, "parity " + parity.max());
        assertEquals(trained.spec().toJson(), engine.spec().toJson());
    }

    @Test
    void aDamagedBundleIsRefusedWithAClearMessage() throws Exception {
        CouplingBundle.write(trained, dir);
        byte[] w = Files.readAllBytes(dir.resolve("weights.bin"));
        w[w.length / 2] ^= 1;
        Files.write(dir.resolve("weights.bin"), w);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CouplingBundle.load(dir));
        assertTrue(e.getMessage().contains("weights are corrupt"), e.getMessage());
    }

    @Test
    void aTrainingThatDivergesAtOnceSaysSo() throws Exception {
        // An absurd learning rate overflows the weights within the first epoch: nothing sound to keep.
        List<CouplingExample> pairs = CouplingPairs.load(
                ROOT.resolve("data/bootstrap-pairs/candidates/pairs-manifest.json"),
                ROOT.resolve("data/bootstrap-pairs/elite/pairs-manifest.json"), vectors).pairs();
        PairSplit split = PairSplit.of(pairs.subList(0, 1200), 0);
        CouplingTrainer.Config wild = CouplingTrainer.Config.defaults().withEpochs(2).withLearningRate(1e30f);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new CouplingTrainer(wild, line -> { }).train(split.train(), split.validation()));
        assertTrue(e.getMessage().matches("training diverged in epoch 1 \\(seed 7\\) before any epoch finished"),
                e.getMessage());
    }

    private Path packOf(int count) throws Exception {
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode m = (com.fasterxml.jackson.databind.node.ObjectNode) json
                .readTree(ROOT.resolve("data/bootstrap-pairs/candidates/pairs-manifest.json").toFile());
        com.fasterxml.jackson.databind.node.ArrayNode pairs = json.createArrayNode();
        for (int i = 0; i < count; i++) {
            pairs.add(m.path("pairs").get(i));
        }
        // One pair whose background preset the library does not know: listed, not silently dropped.
        com.fasterxml.jackson.databind.node.ObjectNode unknown = pairs.get(0).deepCopy();
        unknown.put("pair", 999_999);
        unknown.put("bg", "presets_nowhere/no-such-preset");
        pairs.add(unknown);
        m.set("pairs", pairs);
        m.put("keptPairs", pairs.size());
        Path pack = Files.createDirectories(dir.resolve("pack"));
        json.writeValue(pack.resolve("pairs-manifest.json").toFile(), m);
        return pack;
    }

    @Test
    void exportQualityWritesTheTeamsFileForAPack() throws Exception {
        Path pack = packOf(300);
        CouplingBundle.write(trained, dir.resolve("model"));
        QualityExporter.Result r = QualityExporter.export(pack, CouplingBundle.load(dir.resolve("model")), vectors);
        assertEquals(300, r.scored());
        assertEquals(List.of("pair 999999: preset presets_nowhere/no-such-preset has no measured vector"), r.unscored());
        JsonNode q = new ObjectMapper().readTree(pack.resolve("pairs-quality.v0.json").toFile());
        assertEquals(List.of("pairs", "qualityStats"), iterate(q.fieldNames()));
        assertEquals(300, q.path("pairs").size());
        assertEquals(List.of("pair", "quality01"), iterate(q.path("pairs").get(0).fieldNames()));
        assertEquals(List.of("std", "p50", "p95", "min", "max"), iterate(q.path("qualityStats").fieldNames()));
        assertTrue(q.path("qualityStats").path("std").asDouble() >= 0.03);
    }

    @Test
    void exportQualityRefusesAModelWhoseScoresCollapse() throws Exception {
        // Every weight zero: quality = sigmoid(bias) for every pair, std 0.
        Map<String, float[]> zero = new HashMap<>();
        trained.parameters().forEach((k, v) -> zero.put(k, k.startsWith("norm.") ? v : new float[v.length]));
        CouplingTrainer.Trained flat = new CouplingTrainer.Trained(trained.spec(), trained.normalizer(), zero, 0, 0,
                List.of(), List.of(), 0, 0);
        Path pack = packOf(100);
        CouplingBundle.write(flat, dir.resolve("flat"));
        CollapsedQualityException e = assertThrows(CollapsedQualityException.class,
                () -> QualityExporter.export(pack, CouplingBundle.load(dir.resolve("flat")), vectors));
        assertTrue(e.getMessage().contains("below the gate of 0.03"), e.getMessage());
        assertFalse(Files.exists(pack.resolve("pairs-quality.v0.json")), "nothing written");
    }

    private static List<String> iterate(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
