package dev.aivj.training.coupling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EliteBatchSamplerTest {
    private static List<Integer> range(int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(i);
        }
        return out;
    }

    @Test
    void everyBatchHoldsExactlyFourEliteAndThirtyTwoRegularPairs() {
        List<Integer> elite = range(0, 350);
        List<Integer> regular = range(350, 2759);
        Set<Integer> eliteSet = new HashSet<>(elite);
        for (int epoch = 1; epoch <= 3; epoch++) {
            for (List<Integer> batch : new EliteBatchSampler(elite, regular, 7).epoch(epoch)) {
                assertEquals(36, batch.size());
                assertEquals(4, batch.stream().filter(eliteSet::contains).count());
                assertEquals(36, new HashSet<>(batch).size(), "no pair twice in one batch");
            }
        }
    }

    @Test
    void anEpochCoversEveryEliteAndEveryRegularPair() {
        // More elite batches than regular ones are needed here (500/4 = 125 > 1000/32): the regular pool repeats.
        List<Integer> elite = range(0, 500);
        List<Integer> regular = range(500, 1500);
        List<List<Integer>> epoch = new EliteBatchSampler(elite, regular, 3).epoch(1);
        assertEquals(125, epoch.size());
        Set<Integer> seen = new HashSet<>();
        epoch.forEach(seen::addAll);
        assertTrue(seen.containsAll(elite), "all elite pairs in one epoch");
        assertTrue(seen.containsAll(regular), "all regular pairs in one epoch");
    }

    @Test
    void isDeterministicForASeedAndShufflesAcrossEpochs() {
        EliteBatchSampler a = new EliteBatchSampler(range(0, 40), range(40, 400), 11);
        EliteBatchSampler b = new EliteBatchSampler(range(0, 40), range(40, 400), 11);
        assertEquals(a.epoch(2), b.epoch(2));
        assertNotEquals(a.epoch(1), a.epoch(2));
    }

    @Test
    void refusesPoolsTooSmallForTheMix() {
        assertThrows(IllegalArgumentException.class, () -> new EliteBatchSampler(range(0, 3), range(3, 100), 1));
        assertThrows(IllegalArgumentException.class, () -> new EliteBatchSampler(range(0, 10), range(10, 20), 1));
    }
}
