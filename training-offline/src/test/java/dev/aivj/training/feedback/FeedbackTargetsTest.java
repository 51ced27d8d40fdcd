package dev.aivj.training.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.engine.feedback.GlobalPrior;
import dev.aivj.engine.looks.PresetVector;
import dev.aivj.engine.recommend.LibraryPair;
import dev.aivj.engine.recommend.PairFeatures;
import dev.aivj.engine.recommend.PairLibrary;
import dev.aivj.training.coupling.CouplingExample;
import dev.aivj.training.coupling.CouplingPairs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train-coupling --feedback: the prior is refused when bad, and targets move the way the preference says. */
class FeedbackTargetsTest {
    @TempDir
    Path dir;

    @Test
    void refusesAMissingOrMalformedPrior() throws IOException {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> FeedbackTargets.readPrior(dir));
        assertTrue(missing.getMessage().contains("no prior.json"), missing.getMessage());
        Files.writeString(dir.resolve("prior.json"), "{\"format\": \"aivj-global-prior-v1\", \"version\": 1,");
        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class,
                () -> FeedbackTargets.readPrior(dir));
        assertTrue(broken.getMessage().startsWith("--feedback ") && broken.getMessage().contains("global prior:"),
                broken.getMessage());
        Files.writeString(dir.resolve("prior.json"), "{\"format\": \"aivj-global-prior-v1\", \"version\": 1, "
                + "\"dimensions\": 7, \"updates\": 3, \"theta\": [0, 0, 0, 0, 0, 0, 0]}");
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> FeedbackTargets.readPrior(dir));
        assertTrue(wrong.getMessage().contains("7 features"), wrong.getMessage());
    }

    @Test
    void readsTheFederationsPrior() throws IOException {
        double[] theta = new double[PairFeatures.DIMENSIONS];
        theta[1] = 0.5;
        Files.writeString(dir.resolve("prior.json"), new GlobalPrior(3, 40, theta).toJson());
        GlobalPrior p = FeedbackTargets.readPrior(dir);
        assertEquals(3, p.version());
        assertEquals(0.5, p.theta()[1]);
    }

    @Test
    void targetsMoveTowardWhatViewersPrefer() throws IOException {
        PairLibrary library = SimulatedViewerTest.library();
        // Viewers like bright pairs: θ on the general block's brightness feature.
        double[] theta = new double[PairFeatures.DIMENSIONS];
        theta[1] = 2;
        List<CouplingExample> pairs = new ArrayList<>();
        float[] v = new float[PresetVector.LENGTH];
        for (int i = 0; i < library.size(); i++) {
            LibraryPair p = library.pairs().get(i);
            pairs.add(new CouplingExample(i, p.fg(), p.bg(), 3f, i + 1, 0.5f, false, v, v));
        }
        CouplingPairs.Loaded loaded = new CouplingPairs.Loaded("test", pairs, List.of());
        FeedbackTargets.Adjusted a = FeedbackTargets.apply(loaded, new GlobalPrior(1, 10, theta),
                Map.of("x", v), library);
        for (int i = 0; i < library.size(); i++) {
            double brightness = library.pairs().get(i).look()[1];
            float t = a.loaded().pairs().get(i).target();
            // x̄'s brightness feature: (1 + 0.5·... no: only the general block carries θ) = brightness − 0.5.
            double expected = 0.5 + FeedbackTargets.BETA * Math.max(-1, Math.min(1, 2 * (brightness - 0.5)));
            assertEquals(expected, t, 1e-6, "pair " + i);
        }
        assertTrue(a.up() > 0 && a.down() > 0 && a.moved() == a.up() + a.down(), a.summary(new GlobalPrior(1, 10,
                theta)));
        // A zero prior moves nothing.
        assertEquals(0, FeedbackTargets.apply(loaded, GlobalPrior.zero(), Map.of("x", v), library).moved());
    }

    @Test
    void shiftIsBoundedAndClamped() {
        assertEquals(1f, FeedbackTargets.shifted(0.95f, 5));
        assertEquals(0.4f, FeedbackTargets.shifted(0.5f, -3), 1e-6);
        assertEquals(0f, FeedbackTargets.shifted(0.02f, -1));
    }
}
