package dev.aivj.engine.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.engine.recommend.RecommenderPick;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewerArmTest {
    @Test
    void anInstallationKeepsItsArmAndTheArmsSplitEvenly() {
        assertEquals(ViewerArm.assign("install-42"), ViewerArm.assign("install-42"));
        Map<String, Integer> count = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            count.merge(ViewerArm.assign("install-" + i), 1, Integer::sum);
        }
        assertEquals(2, count.size(), count.toString());
        count.values().forEach(n -> assertTrue(n > 1350 && n < 1650, count.toString()));
        // FNV-1a 32 of "a" is 0xe40c292c: even, so the learned arm (the page computes the same: installation.js).
        assertEquals("learned", ViewerArm.assign("a"));
        assertEquals("weighted-random", ViewerArm.assign("b")); // 0xe70c2de5: odd
    }

    @Test
    void eachArmHasItsPolicy() {
        ViewerPreference p = ViewerPreference.fresh();
        assertTrue(ViewerArm.policy("learned", p) instanceof PreferenceReranker);
        assertTrue(ViewerArm.policy("weighted-random", p) instanceof QualityWeightedPick);
        assertTrue(ViewerArm.policy("recommender", p) instanceof RecommenderPick);
        assertThrows(IllegalArgumentException.class, () -> ViewerArm.policy("random", p));
    }
}
