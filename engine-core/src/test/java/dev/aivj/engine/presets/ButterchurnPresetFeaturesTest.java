package dev.aivj.engine.presets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ButterchurnPresetFeaturesTest {
    private static int slot(String name) {
        return List.of(PresetFeatures.names()).indexOf(name);
    }

    @Test
    void readsBaseValuesEnabledShapesAndShaders() {
        float[] v = ButterchurnPresetFeatures.of("""
                {"baseVals": {"decay": 0.9, "zoom": 1.05, "wave_a": null},
                 "shapes": [{"baseVals": {"enabled": 1}, "frame_eqs_str": "a.x = 1; a.y = 2;"},
                            {"baseVals": {"enabled": 0}, "frame_eqs_str": "a.x = 3;"}],
                 "waves": [],
                 "frame_eqs_str": "a.zoom = 1.01;", "pixel_eqs_str": "",
                 "warp": "shader_body { ret = 0; }", "comp": ""}
                """);
        assertEquals(0.9f, v[slot("decay")]);
        assertEquals(1.05f, v[slot("zoom")]);
        assertEquals((float) BaseValueDefaults.of("wave_a"), v[slot("wave_a")], "null takes the default");
        assertEquals(1, v[slot("enabled_shapes")]);
        assertEquals(0, v[slot("enabled_waves")]);
        assertEquals(1, v[slot("has_warp_shader")]);
        assertEquals(0, v[slot("has_comp_shader")]);
        assertEquals(1, v[slot("milkdrop2")]);
        assertTrue(v[slot("shape_statements")] >= 2);
    }

    @Test
    void refusesWhatIsNotAButterchurnPreset() {
        assertThrows(IllegalArgumentException.class, () -> ButterchurnPresetFeatures.of("not json"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ButterchurnPresetFeatures.of("{\"a\": 1}"))
                .getMessage().contains("baseVals"));
        assertThrows(IllegalArgumentException.class, () -> ButterchurnPresetFeatures.of("[1, 2]"));
    }
}
