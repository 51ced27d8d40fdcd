package dev.aivj.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.engine.analysis.AnalysisResult;
import dev.aivj.engine.analysis.SongStyle;
import dev.aivj.engine.model.FixtureBundles;
import dev.aivj.engine.model.MusicModel;
import dev.aivj.engine.plan.PlanJson;
import dev.aivj.engine.plan.SongPlan;
import dev.aivj.engine.recommend.PairLibrary;
import dev.aivj.engine.recommend.PairPlan;
import dev.aivj.engine.recommend.TestLibraries;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine is the pipeline: the same plan as its parts called by hand, its stages heard in order. */
class EngineTest {
    private static final int RATE = 44100;

    @Test
    void planEqualsThePartsAndTheStagesEndInOrder() {
        float[] pcm = Signals.clickTrack(126, 12, RATE);
        MusicModel model = FixtureBundles.model();
        PairLibrary library = TestLibraries.generated(40, 3);
        Engine engine = new Engine(model, library, 7);
        List<Engine.Stage> heard = new ArrayList<>();
        SongPlan plan = engine.analyze(pcm.clone(), 1, RATE, true, heard::add);
        assertEquals(List.of(Engine.Stage.values()), heard);

        AnalysisResult result = new AudioAnalyzer().analyze(pcm, 1, RATE);
        SongStyle style = SongStyle.analyze(model, result);
        String byHand = PlanJson.write(new SongPlan(result, style, PairPlan.of(result, style, library, 7)), true);
        assertTrue(byHand.equals(PlanJson.write(plan, true)), "the engine's plan differs from its parts' plan");
        assertEquals(8, engine.withSeed(8).seed());
        assertEquals(7, engine.seed());
    }

    @Test
    void aBareEngineAnalysesOnlyAndWithLeavesTheOriginalAlone() {
        float[] pcm = Signals.clickTrack(126, 6, RATE);
        Engine bare = Engine.bare();
        SongPlan plan = bare.analyze(pcm, 1, RATE);
        assertNull(plan.style());
        assertNull(plan.pairs());
        assertTrue(plan.analysis().tempo().bpm() > 0);
        MusicModel model = FixtureBundles.model();
        Engine withModel = bare.withModel(model);
        assertSame(model, withModel.model());
        assertNull(bare.model(), "with… returns a new engine");
        assertTrue(withModel.analyze(pcm, 1, RATE).style() != null);
        assertThrows(IllegalArgumentException.class, () -> bare.analyze(new float[0], 1, RATE));
    }
}
