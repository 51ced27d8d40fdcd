package dev.aivj.export.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivj.audioio.MusicCache;
import dev.aivj.engine.Engine;
import dev.aivj.export.coupling.CouplingBundle;
import dev.aivj.presets.PresetLibrary;
import dev.aivj.training.coupling.CouplingPairs;
import dev.aivj.training.coupling.LibraryVectors;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fast stratified regression set, as CI runs it: 2 % of each score bucket of the bootstrap pack (fixed seed), the
 * shipped coupling model on today's engine beside the outputs recorded for it (data/regression); every pair must
 * stay within the dual track's tolerances. A reference moved by 1 % in w_s fails every pair. The engine's plans of two
 * songs (visual parameters, segment, pair and beat times, transitions) match theirs too.
 */
class RegressionFastSetTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void todaysEnginePlansTheRegressionSongsAsRecorded() throws Exception {
        Engine engine = EngineTrack.shippedEngine(ROOT.resolve("web-frontend/src/main/resources/web"));
        Path reference = ROOT.resolve(EngineTrack.DEFAULT_REFERENCE);
        ObjectNode now = EngineTrack.plan(engine, MusicCache.sectoidSong("Metal madness"));
        JsonNode recorded = EngineTrack.reference(reference, "Metal madness");
        assertEquals(List.of(), EngineTrack.differences(recorded, now));
        assertEquals(List.of(), EngineTrack.differences(EngineTrack.reference(reference, "chiptune"),
                EngineTrack.plan(engine, MusicCache.chiptune())));

        ObjectNode moved = now.deepCopy();
        ObjectNode visual = (ObjectNode) moved.get("segments").get(0).get("visual");
        String first = visual.fieldNames().next();
        visual.put(first, visual.get(first).asDouble() * 1.01);
        ((ObjectNode) moved.get("pairs").get(1)).put("start", moved.get("pairs").get(1).get("start").asDouble() + 0.02);
        List<String> found = EngineTrack.differences(recorded, moved);
        assertEquals(2, found.size(), "a visual parameter 1 % off and a pair 20 ms late: " + found);
    }

    @Test
    void theShippedModelOnTodaysEngineMatchesItsRecordedOutputsOnTheFastSet() throws Exception {
        long started = System.nanoTime();
        CouplingPairs.Loaded pack = CouplingPairs.load(ROOT.resolve("data/bootstrap-pairs/candidates/pairs-manifest.json"),
                ROOT.resolve("data/bootstrap-pairs/elite/pairs-manifest.json"),
                LibraryVectors.read(ROOT.resolve(LibraryVectors.DEFAULT_STATUS), PresetLibrary.resolveRoot(null)));
        List<StratifiedSet.Member> fast = StratifiedSet.fast(pack.pairs());
        assertEquals(80, fast.size(), "2 % of each of four buckets of 1,000");
        assertEquals(fast, StratifiedSet.fast(pack.pairs()), "the same pairs every run");
        double[][] reference = RegressionReference.read(ROOT.resolve(RegressionReference.DEFAULT), pack.pack(), pack.pairs());
        PackScores now = PackScores.of(CouplingBundle.load(ROOT.resolve(PromoteCommand.BUNDLED)), pack.pairs());
        DualTrack.Buckets buckets = DualTrack.buckets(DualTrack.compare(fast, reference, DualTrack.outputs(now)));
        System.out.printf("RegressionFastSetTest: %s in %.1f s%n", buckets.line(), (System.nanoTime() - started) / 1e9);
        for (Map.Entry<String, int[]> b : buckets.passedOfTotal().entrySet()) {
            assertEquals(20, b.getValue()[1], "bucket " + b.getKey());
        }
        assertTrue(buckets.allPass(), buckets.line());

        double[][] moved = new double[reference.length][];
        for (int i = 0; i < moved.length; i++) {
            moved[i] = new double[] {reference[i][0], reference[i][1] * 1.01, reference[i][2]};
        }
        DualTrack.Buckets off = DualTrack.buckets(DualTrack.compare(fast, moved, DualTrack.outputs(now)));
        assertFalse(off.allPass());
        off.passedOfTotal().values().forEach(v -> assertEquals(0, v[0], "w_s moved 1 %: " + off.line()));
    }
}
