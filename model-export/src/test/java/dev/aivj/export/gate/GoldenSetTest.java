package dev.aivj.export.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aivj.export.coupling.CouplingBundle;
import dev.aivj.presets.PresetLibrary;
import dev.aivj.training.coupling.CouplingExample;
import dev.aivj.training.coupling.CouplingPairs;
import dev.aivj.training.coupling.LibraryVectors;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The golden set as a regression gate for changes to the engine and the pair library: the shipped coupling model, run
 * by today's engine-core, keeps every one of the 500 golden pairs passing ({@link GoldenPass}: top quarter of the
 * 4,000-pair pack). It trained on them, so this guards the engine and the data, not the model's judgement; a new
 * model is judged on golden pairs it never saw, by ./aivj promote.
 */
class GoldenSetTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void everyGoldenPairPassesWithTheShippedModel() throws Exception {
        CouplingPairs.Loaded pack = CouplingPairs.load(ROOT.resolve("data/bootstrap-pairs/candidates/pairs-manifest.json"),
                ROOT.resolve("data/bootstrap-pairs/elite/pairs-manifest.json"),
                LibraryVectors.read(ROOT.resolve(LibraryVectors.DEFAULT_STATUS), PresetLibrary.resolveRoot(null)));
        PackScores s = PackScores.of(CouplingBundle.load(ROOT.resolve(PromoteCommand.BUNDLED)), pack.pairs());
        List<Integer> failing = new java.util.ArrayList<>();
        int golden = 0;
        for (int i = 0; i < pack.pairs().size(); i++) {
            CouplingExample e = pack.pairs().get(i);
            if (e.elite()) {
                golden++;
                if (!GoldenPass.ranks(s.position()[i], pack.pairs().size())) {
                    failing.add(e.pair());
                }
            }
        }
        assertEquals(500, golden);
        assertEquals(List.of(), failing, "golden pairs out of the top quarter");
    }
}
