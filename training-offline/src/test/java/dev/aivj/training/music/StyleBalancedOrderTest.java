package dev.aivj.training.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class StyleBalancedOrderTest {
    /** 90 patches of style 0, 9 of style 1, 1 of style 2. */
    private static final int[] LABELS = new int[100];

    static {
        for (int i = 90; i < 99; i++) {
            LABELS[i] = 1;
        }
        LABELS[99] = 2;
    }

    @Test
    void everyStyleGetsAnEqualShareOfTheEpoch() {
        List<Integer> order = StyleBalancedOrder.of(LABELS, 42, 3);
        assertEquals(100, order.size());
        int[] count = new int[3];
        for (int i : order) {
            count[LABELS[i]]++;
        }
        assertEquals(34, count[0]);
        assertEquals(33, count[1]);
        assertEquals(33, count[2]);
        assertEquals(9, new HashSet<>(order.subList(0, 100)).stream().filter(i -> LABELS[i] == 1).count(),
                "the minority style's patches are all used");
    }

    @Test
    void deterministicPerSeedAndEpoch() {
        assertEquals(StyleBalancedOrder.of(LABELS, 42, 3), StyleBalancedOrder.of(LABELS, 42, 3));
        assertNotEquals(StyleBalancedOrder.of(LABELS, 42, 3), StyleBalancedOrder.of(LABELS, 42, 4));
        assertTrue(StyleBalancedOrder.of(new int[0], 1, 1).isEmpty());
    }
}
