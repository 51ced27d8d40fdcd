package dev.aivj.engine.presets;

import dev.aivj.engine.json.JsonReader;
import dev.aivj.engine.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link PresetFeatures} of a butterchurn JSON preset (npm butterchurn-presets): its {@code baseVals}, the
 * equation strings of the preset and of its enabled shapes and waves, and its warp/comp shader text. The same
 * slots as a parsed .milk file; base values agree with the .milk a preset was converted from.
 */
public final class ButterchurnPresetFeatures {
    private ButterchurnPresetFeatures() {
    }

    /** Features of the preset's JSON text; IllegalArgumentException (with the JSON path) when it is not one. */
    public static float[] of(String json) {
        JsonValue p = JsonReader.parse(json);
        if (p.kind() != JsonValue.Kind.OBJECT || !p.has("baseVals")) {
            throw new IllegalArgumentException("not a butterchurn preset: no baseVals object");
        }
        Map<String, Double> base = new HashMap<>();
        JsonValue baseVals = p.get("baseVals");
        for (String name : baseVals.names()) {
            JsonValue v = baseVals.get(name);
            base.put(name, v.kind() == JsonValue.Kind.NUMBER ? v.asDouble() : null);
        }
        String warp = text(p, "warp");
        String comp = text(p, "comp");
        PresetStructure s = PresetStructure.of(text(p, "frame_eqs_str"), text(p, "pixel_eqs_str"),
                enabled(p, "shapes", "init_eqs_str", "frame_eqs_str"),
                enabled(p, "waves", "init_eqs_str", "frame_eqs_str", "point_eqs_str"), warp, comp,
                !warp.isEmpty() || !comp.isEmpty());
        return PresetFeatures.ofBaseValues(base, s);
    }

    /** One entry per enabled shape or wave: its equation strings, each followed by ';'. */
    private static String[] enabled(JsonValue preset, String list, String... fields) {
        List<String> out = new ArrayList<>();
        if (preset.has(list) && preset.get(list).kind() == JsonValue.Kind.ARRAY) {
            JsonValue items = preset.get(list);
            for (int i = 0; i < items.size(); i++) {
                JsonValue item = items.at(i);
                if (item.kind() != JsonValue.Kind.OBJECT || !item.has("baseVals")) {
                    continue;
                }
                JsonValue baseVals = item.get("baseVals");
                boolean on = baseVals.has("enabled") && baseVals.get("enabled").kind() == JsonValue.Kind.NUMBER
                        && baseVals.get("enabled").asDouble() != 0;
                if (on) {
                    StringBuilder sb = new StringBuilder();
                    for (String f : fields) {
                        sb.append(text(item, f)).append(';');
                    }
                    out.add(sb.toString());
                }
            }
        }
        return out.toArray(new String[0]);
    }

    private static String text(JsonValue node, String field) {
        if (!node.has(field)) {
            return "";
        }
        JsonValue v = node.get(field);
        return v.kind() == JsonValue.Kind.STRING ? v.asString() : "";
    }
}
