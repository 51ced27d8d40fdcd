package dev.aivj.engine.presets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The feature vector: layout, determinism, and agreement between a .milk file and butterchurn's JSON of it. */
class PresetFeaturesTest {
    /** A preset converted by butterchurn-presets from the same file that projectm-data ships. */
    private static final String PAIR = "Geiss - Brain Zoom 3 (random texture mix)";

    @Test
    void layoutIsFixedAndNamed() {
        String[] names = PresetFeatures.names();
        assertEquals(PresetFeatures.LENGTH, names.length);
        assertEquals(1, PresetFeatures.FEATURE_VERSION);
        Set<String> unique = new HashSet<>();
        for (String n : names) {
            assertTrue(unique.add(n), "duplicate slot name " + n);
        }
        for (int i = 0; i < PresetFeatures.BASE_SLOTS; i++) {
            assertTrue(BaseValueDefaults.has(names[i]), "base slot " + names[i] + " has a documented default");
        }
        // A preset with no base values reads exactly MilkDrop's defaults.
        float[] v = PresetFeatures.of(MilkPresetParser.parse("per_frame_1=zoom=1;"));
        for (int i = 0; i < PresetFeatures.BASE_SLOTS; i++) {
            assertEquals((float) BaseValueDefaults.of(names[i]), v[i], names[i]);
        }
    }

    @Test
    void everyProjectmPresetGivesAFiniteDeterministicVector() {
        List<Path> files = PresetFiles.allMilk();
        int n = 0;
        for (Path f : files) {
            String text = PresetFiles.read(f);
            float[] a = PresetFeatures.of(MilkPresetParser.parse(text));
            float[] b = PresetFeatures.of(MilkPresetParser.parse(text));
            assertEquals(PresetFeatures.LENGTH, a.length, f.toString());
            for (int i = 0; i < a.length; i++) {
                assertTrue(Float.isFinite(a[i]), f + ": slot " + PresetFeatures.names()[i] + " = " + a[i]);
            }
            assertArrayEquals(a, b, f.toString());
            n++;
        }
        assertEquals(files.size(), n);
    }

    @Test
    void structureSlotsDescribeTheCode() {
        MilkPreset md2 = MilkPresetParser.parse(PresetFiles.read(PresetFiles.projectm(ProjectmPresetsTest.MD2)));
        float[] v = PresetFeatures.of(md2);
        assertEquals(20f, slot(v, "per_frame_statements"));
        assertTrue(slot(v, "per_frame_operators") > 100, "operators: " + slot(v, "per_frame_operators"));
        assertEquals(0f, slot(v, "per_pixel_statements"));
        assertEquals(0f, slot(v, "enabled_shapes"));
        assertEquals(1f, slot(v, "has_warp_shader"));
        assertEquals(1f, slot(v, "has_comp_shader"));
        assertTrue(slot(v, "warp_shader_length") > 100);
        assertEquals(1f, slot(v, "milkdrop2"));
        float[] md1 = PresetFeatures.of(MilkPresetParser.parse(PresetFiles.read(PresetFiles.projectm(
                ProjectmPresetsTest.MD1))));
        assertEquals(7f, slot(md1, "per_frame_statements"));
        assertEquals(1f, slot(md1, "per_pixel_statements"));
        assertEquals(0f, slot(md1, "has_warp_shader"));
        assertEquals(0f, slot(md1, "milkdrop2"));

        EquationStats s = EquationStats.of("x = a + b*sin(t); // c-d\n y = above(x,1e-3) ? -1 : x==2;;");
        assertEquals(2, s.statements());
        assertEquals(8, s.operators(), "+ * sin( above( ? - : == and no '-' inside 1e-3 or the comment");
    }

    @Test
    void milkFileAndButterchurnJsonAgreeOnBaseValues() throws IOException {
        MilkPreset milk = MilkPresetParser.parse(PresetFiles.read(PresetFiles.projectm(
                ProjectmPresetsTest.MD2)));
        JsonNode json = new ObjectMapper().readTree(PresetFiles.butterchurn(PAIR).toFile());
        float[] a = PresetFeatures.of(milk);
        float[] b = butterchurnFeatures(PresetFiles.butterchurn(PAIR));
        assertEquals(a.length, b.length);
        String[] names = PresetFeatures.names();
        for (int i = 0; i < PresetFeatures.BASE_SLOTS; i++) {
            assertEquals(a[i], b[i], 1e-6, names[i]);
        }
        // The JSON leaves out defaults, so the agreement also checks the default table on many slots.
        assertTrue(json.get("baseVals").size() < PresetFeatures.BASE_SLOTS);
        assertEquals(slot(a, "milkdrop2"), slot(b, "milkdrop2"));
        assertEquals(slot(a, "per_frame_statements"), slot(b, "per_frame_statements"),
                "both spell the same 20 per-frame statements");
    }

    /** Over every same-named pair, reports how many agree (versions of a preset differ between packs). */
    @Test
    void sameNamedPresetsMostlyAgree() throws IOException {
        int pairs = 0;
        int agree = 0;
        List<String> disagreeing = new ArrayList<>();
        for (Path f : PresetFiles.allMilk()) {
            String name = f.getFileName().toString();
            Path json = PresetFiles.dir().resolve(PresetFiles.BUTTERCHURN).resolve(name.substring(0, name.length() - 5) + ".json");
            if (!Files.isRegularFile(json)) {
                continue;
            }
            pairs++;
            float[] a = PresetFeatures.of(MilkPresetParser.parse(PresetFiles.read(f)));
            float[] b = butterchurnFeatures(json);
            boolean same = true;
            for (int i = 0; i < PresetFeatures.BASE_SLOTS && same; i++) {
                same = Math.abs(a[i] - b[i]) <= 1e-6;
            }
            if (same) {
                agree++;
            } else if (disagreeing.size() < 5) {
                disagreeing.add(PresetFiles.projectm().relativize(f).toString());
            }
        }
        System.out.println("butterchurn pairs: " + agree + " of " + pairs
                + " same-named .milk/JSON pairs agree on every base slot; e.g. differing: " + disagreeing);
        assertTrue(pairs > 100, "same-named pairs: " + pairs);
        assertTrue(agree > pairs * 0.8, agree + " of " + pairs);
    }

    @Test
    void eitherSpellingOfABaseValueLandsInTheSameSlot() {
        PresetStructure none = PresetStructure.of(null, null, null, null, null, null, false);
        Map<String, Double> milk = new HashMap<>();
        milk.put("fDecay", 0.9);
        milk.put("nWaveMode", 3.0);
        milk.put("bAdditiveWaves", 1.0);
        milk.put("fWaveAlpha", 0.5);
        Map<String, Double> butterchurn = new HashMap<>();
        butterchurn.put("decay", 0.9);
        butterchurn.put("wave_mode", 3.0);
        butterchurn.put("additivewave", 1.0);
        butterchurn.put("wave_a", 0.5);
        butterchurn.put("zoom", null);
        butterchurn.put("rot", Double.NaN);
        float[] a = PresetFeatures.ofBaseValues(milk, none);
        float[] b = PresetFeatures.ofBaseValues(butterchurn, none);
        assertArrayEquals(a, b);
        assertEquals(0.9f, slot(a, "decay"));
        assertEquals(1f, slot(b, "zoom"), "null reads the default");
        assertEquals(0f, slot(b, "rot"), "NaN reads the default");
        assertFalse(slot(a, "wave_a") == 0.8f);
    }

    private static float[] butterchurnFeatures(Path json) throws IOException {
        return ButterchurnPresetFeatures.of(Files.readString(json));
    }

    private static float slot(float[] v, String name) {
        String[] names = PresetFeatures.names();
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return v[i];
            }
        }
        throw new IllegalArgumentException("no slot " + name);
    }
}
