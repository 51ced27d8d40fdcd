package dev.aivj.training.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BootstrapScoreTest {
    private static CompositeLook look(double luma, double lumaMin, double motion, double contrast, double edges) {
        return new CompositeLook(luma, lumaMin, motion, contrast, edges, 50);
    }

    @Test
    void aMidGreyMovingDistinctDetailedCompositeScoresNearFive() {
        double s = BootstrapScore.of(look(0.45 * 255, 90, 15, 150, 0.3));
        assertTrue(s > 4.8 && s <= 5, "score " + s);
    }

    @Test
    void failingTheTeamFilterCapsTheScoreAtOne() {
        CompositeLook dark = look(0.10 * 255, 0.05 * 255, 10, 100, 0.3);
        assertFalse(BootstrapScore.passesTeamFilter(dark));
        assertTrue(BootstrapScore.of(dark) <= 1);
        CompositeLook still = look(0.45 * 255, 90, 0.001, 100, 0.3); // motion 4e-6 < 2e-5
        assertFalse(BootstrapScore.passesTeamFilter(still));
        assertTrue(BootstrapScore.passesTeamFilter(look(0.45 * 255, 90, 0.01, 100, 0.3)));
    }

    @Test
    void eachTermRaisesTheScore() {
        CompositeLook base = look(0.30 * 255, 50, 1, 10, 0.05);
        double s = BootstrapScore.of(base);
        assertTrue(BootstrapScore.of(look(0.45 * 255, 50, 1, 10, 0.05)) > s, "exposure");
        assertTrue(BootstrapScore.of(look(0.30 * 255, 50, 3, 10, 0.05)) > s, "motion");
        assertTrue(BootstrapScore.of(look(0.30 * 255, 50, 1, 40, 0.05)) > s, "contrast");
        assertTrue(BootstrapScore.of(look(0.30 * 255, 50, 1, 10, 0.20)) > s, "detail");
        assertTrue(BootstrapScore.of(look(0.95 * 255, 200, 1, 10, 0.05)) < s, "washed out");
        // exposure 0.625, motion 1 - e^(-1/3), contrast 1 - e^(-1/3), detail 1/6
        double expected = 5 * (0.30 * 0.625 + 0.30 * (1 - Math.exp(-1 / 3.0)) + 0.25 * (1 - Math.exp(-1 / 3.0))
                + 0.15 / 6);
        assertEquals(expected, s, 1e-9);
    }
}
