package dev.aivj.engine.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RatingPriorTest {
    private static String library(String ratingA, String ratingB) {
        String pair = "{\"fg\":\"p/%s\",\"bg\":\"p/b\",\"fgUrl\":\"/a\",\"bgUrl\":\"/b\",\"quality\":0.9,\"w_s\":2,"
                + "\"w_t\":2,\"look\":[0.5,0.5,0.5,0.5]%s}";
        return "{\"format\":\"aivj-pair-library-v1\",\"lookAxes\":[\"motion\",\"brightness\",\"detail\",\"colour\"],"
                + "\"pairs\":[" + String.format(pair, "a", ratingA) + "," + String.format(pair, "c", ratingB) + "]}";
    }

    @Test
    void theFactorIsNeutralAtMilkDropsDefaultAndOrdered() {
        assertEquals(1, RatingPrior.factor(RatingPrior.NEUTRAL), 1e-12);
        assertEquals(Math.pow(1.5, RatingPrior.STRENGTH), RatingPrior.factor(5), 1e-12);
        assertTrue(RatingPrior.factor(0) < RatingPrior.factor(1) && RatingPrior.factor(1) < 1);
    }

    /** Two pairs alike in all but their presets' rating: the better rated one wins; without ratings, the first. */
    @Test
    void theBetterRatedOfTwoEqualPairsIsPicked() {
        MusicSection s = new MusicSection(0, 10, "start", null, null, new double[] {0.5, 0.5, 0.5, 0.5});
        PairRecommender rated = new PairRecommender(PairLibrary.parse(library(",\"rating\":1", ",\"rating\":4.5")),
                PresetPreferences.NONE, 0, 0.0);
        assertEquals("p/c", rated.choose(List.of(s), null, 1).get(0).pair().fg());
        PairRecommender unrated = new PairRecommender(PairLibrary.parse(library("", "")), PresetPreferences.NONE, 0,
                0.0);
        assertEquals("p/a", unrated.choose(List.of(s), null, 1).get(0).pair().fg());
        assertEquals(RatingPrior.NEUTRAL, PairLibrary.parse(library("", "")).pairs().get(0).rating());
    }

    @Test
    void aRatingOutOfRangeIsRefusedNamingThePair() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PairLibrary.parse(library("", ",\"rating\":6")));
        assertTrue(e.getMessage().contains("pair 1 has rating 6"), e.getMessage());
    }
}
