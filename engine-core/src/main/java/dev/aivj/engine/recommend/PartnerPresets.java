package dev.aivj.engine.recommend;

import dev.aivj.engine.json.JsonReader;
import dev.aivj.engine.json.JsonValue;
import dev.aivj.engine.looks.PresetVector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the page needs to pair a preset a viewer brings with the library ({@code partner-presets.json}, written by
 * model-export's {@code export-library} beside the pair library): the preset vector of every preset in the pair
 * library, and the measured library's look values per {@link LookSpace} axis, so a new preset's look gets its
 * percentiles among the same presets as the library's pairs ({@link LookPercentiles}).
 *
 * <p>JSON: {@code {"format": "aivj-partner-presets-v1", "vectorVersion", "lookSorted": [[...] x 4],
 * "presets": [{"id", "url", "vector": [...]}]}}. Parsing refuses another format or vector layout, naming the preset.
 */
public final class PartnerPresets {
    public static final String FORMAT = "aivj-partner-presets-v1";

    /** One library preset that a new preset may be paired with. */
    public record Partner(String id, String url, float[] vector) {
    }

    private final List<Partner> presets;
    private final LookPercentiles percentiles;

    public PartnerPresets(List<Partner> presets, LookPercentiles percentiles) {
        this.presets = Collections.unmodifiableList(new ArrayList<>(presets));
        this.percentiles = percentiles;
    }

    public static PartnerPresets parse(String json) {
        try {
            JsonValue root = JsonReader.parse(json);
            String format = root.get("format").asString();
            if (!FORMAT.equals(format)) {
                throw new IllegalArgumentException("format " + format + " is not " + FORMAT);
            }
            String version = root.get("vectorVersion").asString();
            if (!PresetVector.VERSION.equals(version)) {
                throw new IllegalArgumentException("vectors " + version + ", this engine measures "
                        + PresetVector.VERSION + " (run ./aivj export-library again)");
            }
            JsonValue sorted = root.get("lookSorted");
            float[][] values = new float[sorted.size()][];
            for (int a = 0; a < values.length; a++) {
                values[a] = sorted.at(a).asFloatArray();
            }
            List<Partner> out = new ArrayList<>();
            JsonValue list = root.get("presets");
            for (int i = 0; i < list.size(); i++) {
                JsonValue p = list.at(i);
                float[] v = p.get("vector").asFloatArray();
                String id = p.get("id").asString();
                if (v.length != PresetVector.LENGTH) {
                    throw new IllegalArgumentException("preset " + id + " has " + v.length + " vector values, not "
                            + PresetVector.LENGTH);
                }
                out.add(new Partner(id, p.get("url").asString(), v));
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("no presets");
            }
            return new PartnerPresets(out, LookPercentiles.ofSorted(values));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("partner presets: " + e.getMessage(), e);
        }
    }

    public List<Partner> presets() {
        return presets;
    }

    public LookPercentiles percentiles() {
        return percentiles;
    }
}
