package dev.aivj.training.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aivj.training.pairs.parquet.PairPartition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The partition definitions of the Parquet store, at their boundaries. */
class ParquetPartitionTest {

    @Test
    void scoreBinIsFloorClampedToZeroToFour() {
        double[] scores = {-0.5, 0, 0.999, 1.0, 1.5, 2.0, 3.999, 4.0, 4.999, 5.0, 7.25};
        int[] bins = {0, 0, 0, 1, 1, 2, 3, 4, 4, 4, 4};
        for (int i = 0; i < scores.length; i++) {
            assertEquals(bins[i], PairPartition.binOf(scores[i]), "score " + scores[i]);
        }
        assertNull(PairPartition.binOf(null));
    }

    @Test
    void rankQuartileIsOnePlusFloorOfFourTimesBetterOverN() {
        assertEquals(List.of(1, 2, 3, 4), quartiles(1, 2, 3, 4));
        assertEquals(List.of(1, 1, 2, 3, 4), quartiles(1, 2, 3, 4, 5)); // b/n = 0, .2, .4, .6, .8
        assertEquals(List.of(4, 4, 3, 3, 2, 2, 1, 1), quartiles(8, 7, 6, 5, 4, 3, 2, 1));
        assertEquals(List.of(1), quartiles(17));
        assertEquals(List.of(1, 1, 1, 1), quartiles(3, 3, 3, 3)); // ties share the quartile of their best place
        assertEquals(List.of(1, 2, 2, 2), quartiles(0, 9, 9, 9)); // rank 0 is allowed
        assertEquals(List.of(1, 1, 3, 3), quartiles(1, 1, 2, 2));
    }

    @Test
    void ranksAreComparedWithinTheirOwnDataSetOnly() {
        List<PresetPair> rows = List.of(row(PairSource.ELITE, 1.0, 1), row(PairSource.ELITE, 1.0, 2),
                row(PairSource.REFINERY, 1.0, 100), row(PairSource.REFINERY, 1.0, 200),
                row(PairSource.PACK, null, null));
        List<PairPartition> p = PairPartition.assign(rows);
        assertEquals(List.of(new PairPartition(1, 1), new PairPartition(1, 3), new PairPartition(1, 1),
                new PairPartition(1, 3), new PairPartition(null, null)), p);
    }

    @Test
    void directoriesAreHiveStyleWithHivesNullPartition() {
        assertEquals("score_bin=4/rank_quartile=1", new PairPartition(4, 1).directory());
        assertEquals("score_bin=__HIVE_DEFAULT_PARTITION__/rank_quartile=__HIVE_DEFAULT_PARTITION__",
                new PairPartition(null, null).directory());
        assertEquals(new PairPartition(0, 4), PairPartition.parse("score_bin=0", "rank_quartile=4"));
        assertEquals(new PairPartition(null, 2),
                PairPartition.parse("score_bin=__HIVE_DEFAULT_PARTITION__", "rank_quartile=2"));
        for (String[] bad : new String[][] {{"score_bin=5", "rank_quartile=1"}, {"score_bin=x", "rank_quartile=1"},
            {"score_bin=1", "rank_quartile=0"}, {"score_bin=1", "rank_quartile=12"}, {"bin=1", "rank_quartile=1"},
            {"score_bin=1", "rank_quartile="}}) {
            assertThrows(IllegalArgumentException.class, () -> PairPartition.parse(bad[0], bad[1]), bad[0]);
        }
    }

    private static List<Integer> quartiles(int... ranks) {
        List<PresetPair> rows = new ArrayList<>();
        for (int r : ranks) {
            rows.add(row(PairSource.REFINERY, 2.5, r));
        }
        return PairPartition.assign(rows).stream().map(PairPartition::rankQuartile).toList();
    }

    private static PresetPair row(PairSource source, Double score, Integer rank) {
        return new PresetPair(1, "fg/synthetic_fg.milk", "bg/synthetic_bg.milk", score, rank, null, List.of(), source,
                new RowOrigin("synthetic", 0));
    }
}
