package dev.aivj.training.coupling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RankingMetricsTest {
    @Test
    void spearmanIsOneForTheSameOrderMinusOneForTheReverseAndHandlesTies() {
        double[] s = {1, 2, 3, 4, 5};
        assertEquals(1.0, RankingMetrics.spearman(new double[] {10, 20, 30, 40, 50}, s), 1e-12);
        assertEquals(-1.0, RankingMetrics.spearman(new double[] {5, 4, 3, 2, 1}, s), 1e-12);
        // Textbook value: ranks (1, 2.5, 2.5, 4) against (1, 2, 3, 4).
        assertEquals(0.9486832980505138, RankingMetrics.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 2, 3, 4}),
                1e-12);
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, RankingMetrics.ranks(new double[] {1, 2, 2, 3}));
    }

    @Test
    void topKHitRateCountsTheModelsBestKThatAreTrulyAmongTheBestK() {
        double[] score = {9, 8, 7, 6, 5, 4};
        assertEquals(1.0, RankingMetrics.topKHitRate(new double[] {6, 5, 4, 3, 2, 1}, score, 2));
        assertEquals(0.5, RankingMetrics.topKHitRate(new double[] {6, 1, 5, 3, 2, 0}, score, 2));
        assertEquals(0.0, RankingMetrics.topKHitRate(new double[] {0, 1, 2, 3, 4, 5}, score, 2));
    }

    @Test
    void positionsAreZeroForTheHighest() {
        assertArrayEquals(new int[] {2, 0, 1}, RankingMetrics.positions(new double[] {0.1, 0.9, 0.5}));
    }
}
