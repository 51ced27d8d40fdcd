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
 * engine's parser: {@link RatingPrior#NEUTRAL} (MilkDrop's default) when the file has none or a value out of range.
 */
public final class PresetRatings {
    private PresetRatings() {
    }

    public static Map<String, Double> read(List<PresetLibrary.Entry> entries) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        for (PresetLibrary.Entry e : entries) {
            double r = MilkPresetParser.parse(Files.readString(e.file(), StandardCharsets.ISO_8859_1))
                    .baseValues().getOrDefault("frating", RatingPrior.NEUTRAL);
            out.put(e.id(), r >= 0 && r <= 5 ? r : RatingPrior.NEUTRAL);
        }
        return out;
    }
}
