package dev.aivj.training.coupling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairSplitTest {
    private static List<CouplingExample> pairs(int n, int eliteEvery) {
        List<CouplingExample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new CouplingExample(i, "fg" + i, "bg" + i, 1f, i + 1, 0f, i % eliteEvery == 0, new float[1],
                    new float[1]));
        }
        return out;
    }

    @Test
    void elitePairsAlwaysTrainAndTheRestSplitByPairNumberNotPosition() {
        List<CouplingExample> all = pairs(4000, 8);
        PairSplit split = PairSplit.of(all, 0);
        assertEquals(4000, split.train().size() + split.validation().size() + split.test().size());
        assertTrue(split.train().containsAll(all.stream().filter(CouplingExample::elite).toList()),
                "every elite (golden) pair trains");
        assertTrue(split.validation().stream().noneMatch(CouplingExample::elite));
        assertTrue(split.test().stream().noneMatch(CouplingExample::elite));
        double regular = 3500;
        assertEquals(0.15, split.validation().size() / regular, 0.02);
        assertEquals(0.15, split.test().size() / regular, 0.02);

        List<CouplingExample> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new java.util.Random(3));
        PairSplit again = PairSplit.of(shuffled, 0);
        assertEquals(split.test().stream().map(CouplingExample::pair).sorted().toList(),
                again.test().stream().map(CouplingExample::pair).sorted().toList(), "same held-out pairs in any order");
    }
}
