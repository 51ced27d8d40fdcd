package dev.aivj.presets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aivj.engine.recommend.RatingPrior;
import org.junit.jupiter.api.Test;

class PresetRatingsTest {
    @Test
    void readsFRatingAndFallsBackToNeutral() {
        assertEquals(5.0, PresetRatings.rating("[preset00]\nfRating=5.000000\nfDecay=0.98\nzoom=1.01\n"));
        assertEquals(0.0, PresetRatings.rating("[preset00]\nfRating=0\nzoom=1.01\n"));
        assertEquals(RatingPrior.NEUTRAL, PresetRatings.rating("[preset00]\nzoom=1.01\n"), "no rating");
        assertEquals(RatingPrior.NEUTRAL, PresetRatings.rating("[preset00]\nfRating=9\nzoom=1.01\n"), "out of range");
        assertEquals(RatingPrior.NEUTRAL, PresetRatings.rating("[preset00]\nhello\nworld\n"), "not a preset");
    }
}
