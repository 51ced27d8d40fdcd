package dev.aivj.engine.presets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The parser on every real preset of Debian's projectm-data (fetched by scripts/fetch-presets.sh). */
class ProjectmPresetsTest {
    /** projectm-data 3.1.12 ships this many .milk files. */
    private static final int PROJECTM_DATA_PRESETS = 4188;

    static final String MD1 = "presets_milkdrop/Geiss - Eggs.milk";
    static final String MD2 = "presets_milkdrop_200/Geiss - Brain Zoom 3 (random texture mix).milk";

    @Test
    void parsesEveryProjectmPreset() {
        List<Path> files = PresetFiles.allMilk();
        assertTrue(files.size() >= PROJECTM_DATA_PRESETS, "found " + files.size() + " .milk files");
        List<String> texts = new ArrayList<>();
        for (Path f : files) {
            texts.add(PresetFiles.read(f));
        }
        List<String> failures = new ArrayList<>();
        int withWarnings = 0;
        int warnings = 0;
        int md2 = 0;
        int withWarp = 0;
        int withComp = 0;
        Map<String, Integer> warningKinds = new TreeMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < texts.size(); i++) {
            MilkPreset p;
            try {
                p = MilkPresetParser.parse(texts.get(i));
            } catch (RuntimeException e) {
                failures.add(files.get(i) + ": " + e);
                continue;
            }
            if (!p.warnings().isEmpty()) {
                withWarnings++;
                warnings += p.warnings().size();
                for (ParseWarning w : p.warnings()) {
                    // Group by message shape: quoted text and numbers blanked.
                    String kind = w.message().replaceAll("'[^']*'", "'…'").replaceAll("[0-9.]+", "N");
                    warningKinds.merge(kind, 1, Integer::sum);
                }
            }
            md2 += p.isMilkDrop2() ? 1 : 0;
            withWarp += p.warpShader() != null ? 1 : 0;
            withComp += p.compShader() != null ? 1 : 0;
        }
        double ms = (System.nanoTime() - start) / 1e6;
        // Best of three more passes shows the warmed-up (JIT-compiled) cost; the first includes class loading and JIT.
        double warmMs = Double.MAX_VALUE;
        for (int pass = 0; pass < 3; pass++) {
            long again = System.nanoTime();
            for (String t : texts) {
                MilkPresetParser.parse(t);
            }
            warmMs = Math.min(warmMs, (System.nanoTime() - again) / 1e6);
        }
        System.out.printf(Locale.ROOT, "projectm-data: parsed %d presets in %.1f ms cold, %.1f ms warm (%.3f ms each;"
                + " text already in memory); MilkDrop 2: %d (warp shader %d, comp shader %d); with warnings: %d"
                + " (%d warnings)%n", files.size() - failures.size(), ms, warmMs, warmMs / files.size(), md2,
                withWarp, withComp, withWarnings, warnings);
        System.out.println("projectm-data warnings by kind: " + warningKinds);
        assertTrue(failures.isEmpty(), failures.size() + " presets failed:\n" + String.join("\n", failures));
        assertTrue(md2 > 0 && md2 < files.size(), "both MilkDrop versions occur: " + md2);
    }

    @Test
    void milkDrop1Preset() {
        MilkPreset p = MilkPresetParser.parse(PresetFiles.read(PresetFiles.projectm(MD1)));
        assertFalse(p.isMilkDrop2());
        assertEquals(0, p.presetVersion());
        assertNull(p.warpShader());
        assertNull(p.compShader());
        assertEquals(0.97, p.baseValue("fDecay"));
        assertEquals(0.97, p.baseValues().get("fdecay"));
        assertEquals(1.046, p.baseValue("zoom"));
        assertEquals(1.42, p.baseValue("warp"));
        assertEquals(2.0, p.baseValue("nWaveMode"));
        assertEquals(3.5, p.baseValue("wave_a"));
        assertEquals(2.853, p.baseValue("fWarpScale"));
        assertEquals(0.47, p.baseValue("wave_y"));
        assertTrue(p.perFrameEquations().startsWith(
                "wave_r = wave_r + 0.400*( 0.60*sin(0.933*time) + 0.40*sin(1.045*time) );\n"));
        assertTrue(p.perFrameEquations().endsWith("cy = cy + 0.070*( 0.60*sin(0.393*time) + 0.40*sin(0.223*time) );"));
        assertEquals(7, p.perFrameEquations().split("\n").length);
        assertEquals("zoom=zoom+0.27*sin(time*1.55+rad*5);", p.perPixelEquations());
        assertTrue(p.shapes().isEmpty());
        assertTrue(p.waves().isEmpty());
        assertTrue(p.warnings().isEmpty(), p.warnings().toString());
    }

    @Test
    void milkDrop2PresetWithShaders() {
        String text = PresetFiles.read(PresetFiles.projectm(MD2));
        MilkPreset p = MilkPresetParser.parse(text);
        assertTrue(p.isMilkDrop2());
        assertEquals(201, p.presetVersion());
        assertEquals(2, p.pixelShaderVersion());
        assertEquals(1.9, p.baseValue("fGammaAdj"));
        assertEquals(0.98, p.baseValue("decay"));
        assertEquals(1.16936, p.baseValue("echo_zoom"));
        assertEquals(1.033, p.baseValue("zoom"));
        assertEquals(0.148366, p.baseValue("warp"));
        assertEquals(0.027265, p.baseValue("fWaveAlpha"));
        assertEquals(0.0, p.baseValue("mv_a"));
        assertEquals(4, p.shapes().size());
        assertEquals(4, p.waves().size());
        assertEquals(3.0, p.shapes().get(3).baseValues().get("b2") + 3.0, 1e-12, "shape 3 is read");
        assertEquals(20, p.perFrameEquations().split("\n").length);
        assertTrue(p.perFrameEquations().endsWith("wave_mystery = time*0.03;"));

        String warp = p.warpShader();
        assertNotNull(warp);
        assertTrue(warp.startsWith("shader_body\n{\n    ret = tex2D( sampler_main, uv ).xyz;\n"), warp);
        assertTrue(warp.endsWith("    ret = frac(ret - 0.005);\n}\n"), warp);
        assertFalse(warp.contains("`"), "backticks are stripped");
        String comp = p.compShader();
        assertNotNull(comp);
        assertTrue(comp.startsWith("sampler sampler_rand00;    // this will choose a random texture from disk!\n"
                + "\nshader_body         \n{\n"), comp);
        assertTrue(comp.endsWith("    //ret += 0.04*cos(lum*29+2.8);\n}\n\n"), comp);
        assertEquals(shaderAsInFile(text, "warp_"), warp);
        assertEquals(shaderAsInFile(text, "comp_"), comp);
        assertTrue(p.warnings().isEmpty(), p.warnings().toString());
    }

    /** The shader lines of the file in file order (this file lists them in order), text after "=`". */
    private static String shaderAsInFile(String text, String prefix) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (line.startsWith(prefix) && Character.isDigit(line.charAt(prefix.length()))) {
                lines.add(line.substring(line.indexOf("=`") + 2));
            }
        }
        return String.join("\n", lines);
    }
}
