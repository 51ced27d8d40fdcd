package dev.aivj.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivj.presets.ButterchurnPresets;
import dev.aivj.presets.PresetLibrary;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The butterchurn fallback offers only presets that butterchurn itself rendered as usable in the preset check
 * (loads, compiles, not blank, not frozen), by the committed status file.
 */
class ButterchurnFallbackPresetsTest {
    private static final Path STATUS = Path.of("..", "preset-catalogue", "butterchurn-preset-status.json");
    private static final Path PACKAGE = PresetLibrary.cacheDir().resolve("presets/butterchurn-presets/package");

    @Test
    void everyFallbackPresetWasMeasuredUsable() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode offered = json.readTree(getClass().getResourceAsStream("/web/presets/index.json")).path("presets");
        JsonNode measured = json.readTree(STATUS.toFile()).path("presets");
        Map<String, String> idByName = new HashMap<>();
        for (PresetLibrary.Entry e : ButterchurnPresets.scan(PACKAGE)) {
            idByName.put(e.name(), e.id());
        }
        assertTrue(offered.size() >= 2, "the fallback needs a background and a foreground preset");
        for (JsonNode p : offered) {
            String name = p.path("name").asText();
            String id = idByName.get(name);
            assertNotNull(id, "not in butterchurn-presets: " + name);
            JsonNode r = measured.path(id);
            assertTrue(r.isObject(), "never measured: " + id);
            assertEquals(name + ".json", p.path("file").asText(), "file of " + name);
            assertTrue(r.path("loads").asBoolean() && r.path("shadersCompile").asBoolean()
                    && r.path("nonBlank").asBoolean() && !r.path("frozen").asBoolean(),
                    id + " is flagged in the preset check: " + r);
        }
    }
}
