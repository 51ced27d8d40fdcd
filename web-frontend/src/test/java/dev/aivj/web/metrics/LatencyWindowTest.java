package dev.aivj.web.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyWindowTest {
    @Test
    void keepsTheLastValuesAndTakesNearestRankPercentiles() {
        LatencyWindow w = new LatencyWindow(20);
        assertTrue(Double.isNaN(w.percentile(0.95)));
        for (int i = 1; i <= 25; i++) {
            w.add(i); // 1..5 fall out
        }
        assertTrue(w.full());
        assertEquals(20, w.size());
        assertEquals(24, w.percentile(0.95)); // rank ceil(0.95 * 20) = 19 of 6..25
        assertEquals(25, w.percentile(0.99));
        assertEquals(15, w.percentile(0.5));
        w.clear();
        assertFalse(w.full());
    }
}
