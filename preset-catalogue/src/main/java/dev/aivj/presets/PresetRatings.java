package dev.aivj.presets;

import dev.aivj.engine.presets.MilkPresetParser;
import dev.aivj.engine.recommend.RatingPrior;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each preset's {@code fRating} (MilkDrop's 0..5 rating by its author or curator), read from its .milk file by the
 * engine's parser: {@link RatingPrior#NEUTRAL} (MilkDrop's default) when the file has none, a value out of range,
 * or is not a preset the parser reads (a broken file of a team's pack).
 */
public final class PresetRatings {
    private PresetRatings() {
    }

    /** The fRating of a preset's text; neutral when it has none, it is out of range, or the text is no preset. */
    static double rating(String milk) {
        try {
            double r = MilkPresetParser.parse(milk).baseValues().getOrDefault("frating", RatingPrior.NEUTRAL);
            return r >= 0 && r <= 5 ? r : RatingPrior.NEUTRAL;
        } catch (IllegalArgumentException e) {
            return RatingPrior.NEUTRAL; // not a preset: it is in no pair a library keeps
        }
    }

    public static Map<String, Double> read(List<PresetLibrary.Entry> entries) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        for (PresetLibrary.Entry e : entries) {
            out.put(e.id(), rating(Files.readString(e.file(), StandardCharsets.ISO_8859_1)));
        }
        return out;
    }
}
