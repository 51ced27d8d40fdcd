package dev.aivj.engine.presets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The parser on small hand-written inputs: tolerance rules, warnings and rejected inputs. */
class MilkPresetParserTest {

    @Test
    void readsBaseValuesEquationsAndShaders() {
        MilkPreset p = MilkPresetParser.parse("MILKDROP_PRESET_VERSION=201\nPSVERSION=2\n[preset00]\nfDecay=0.98\n"
                + "zoom=1.01\nnWaveMode=5\nper_frame_1=zoom = zoom + 0.1;\nper_frame_init_1=q1 = 0;\n"
                + "per_pixel_1=rot = rad*0.1;\nwarp_1=`shader_body\nwarp_2=`{\nwarp_3=`    ret = 0;\nwarp_4=`}\n"
                + "comp_1=`shader_body { ret = 1; }\n");
        assertEquals(0.98, p.baseValues().get("fdecay"));
        assertEquals(0.98, p.canonicalBaseValues().get("decay"));
        assertEquals(0.98, p.baseValue("decay"));
        assertEquals(0.98, p.baseValue("FDECAY"));
        assertEquals(5.0, p.baseValue("wave_mode"));
        assertEquals(0.8, p.baseValue("fWaveAlpha"), "absent values read MilkDrop's default");
        assertEquals("zoom = zoom + 0.1;", p.perFrameEquations());
        assertEquals("q1 = 0;", p.perFrameInitEquations());
        assertEquals("rot = rad*0.1;", p.perPixelEquations());
        assertEquals("shader_body\n{\n    ret = 0;\n}", p.warpShader());
        assertEquals("shader_body { ret = 1; }", p.compShader());
        assertEquals(201, p.presetVersion());
        assertEquals(2, p.pixelShaderVersion());
        assertTrue(p.isMilkDrop2());
        assertTrue(p.warnings().isEmpty(), p.warnings().toString());
    }

    @Test
    void toleratesCrlfBomSpacesAndKeyCase() {
        MilkPreset p = MilkPresetParser.parse("\uFEFF[preset00]\r\n  FDECAY = 0.5 \r\nZoom=2\rPER_FRAME_1 = x=1;\r\n");
        assertEquals(0.5, p.baseValue("decay"));
        assertEquals(2.0, p.baseValue("zoom"));
        assertEquals("x=1;", p.perFrameEquations());
        assertTrue(p.warnings().isEmpty(), p.warnings().toString());
        assertFalse(p.isMilkDrop2());
    }

    @Test
    void sortsNumberedLinesAndLastDuplicateWins() {
        MilkPreset p = MilkPresetParser.parse("zoom=1\nper_frame_10=c;\nper_frame_2=b;\nper_frame_1=a;\n"
                + "per_frame_2=B;\nzoom=3\n");
        assertEquals("a;\nB;\nc;", p.perFrameEquations());
        assertEquals(3.0, p.baseValue("zoom"));
        assertEquals(2, p.warnings().size(), p.warnings().toString());
        assertEquals(5, p.warnings().get(0).line());
        assertTrue(p.warnings().get(0).message().contains("repeats line 3"), p.warnings().get(0).message());
        assertEquals(6, p.warnings().get(1).line());
    }

    @Test
    void readsShapesAndWaves() {
        MilkPreset p = MilkPresetParser.parse("[preset00]\nshapecode_0_enabled=1\nshapecode_0_sides=6\n"
                + "shapecode_1_enabled=0\nshape_0_init1=t=0;\nshape_0_per_frame2=y=2;\nshape_0_per_frame1=x=1;\n"
                + "wavecode_3_enabled=1\nwavecode_3_bSpectrum=1\nwave_3_per_point1=x=sample;\n"
                + "wave_3_per_frame1=r=1;\nwave_3_init1=q=0;\n");
        assertEquals(2, p.shapes().size());
        MilkCustom s = p.shapes().get(0);
        assertTrue(s.enabled());
        assertFalse(p.shapes().get(1).enabled());
        assertEquals(6.0, s.baseValues().get("sides"));
        assertEquals("t=0;", s.initEquations());
        assertEquals("x=1;\ny=2;", s.perFrameEquations());
        assertNull(s.perPointEquations());
        MilkCustom w = p.waves().get(3);
        assertTrue(w.enabled());
        assertEquals(1.0, w.baseValues().get("bspectrum"));
        assertEquals("x=sample;", w.perPointEquations());
        assertEquals("r=1;", w.perFrameEquations());
        assertEquals("q=0;", w.initEquations());
        assertTrue(p.warnings().isEmpty(), p.warnings().toString());
    }

    @Test
    void brokenLinesBecomeWarningsNamingTheLine() {
        MilkPreset p = MilkPresetParser.parse("[preset00]\nfDecay=0.9\nthis line is junk\nzoom=abc\n"
                + "fRating=3.000000.500000\nper_frame_=x;\nwavecode_0_\n<b>=1\nper_frame_1=zoom=1.1;\n");
        assertEquals(0.9, p.baseValue("decay"));
        assertEquals(1.0, p.baseValue("zoom"), "an unreadable value falls back to the default");
        assertEquals(3.0, p.baseValues().get("frating"), "the leading number counts, as in MilkDrop's atof");
        assertEquals("zoom=1.1;", p.perFrameEquations());
        StringBuilder all = new StringBuilder();
        for (ParseWarning w : p.warnings()) {
            all.append(w).append('\n');
        }
        assertEquals(6, p.warnings().size(), all.toString());
        assertEquals(3, p.warnings().get(0).line());
        assertTrue(p.warnings().get(0).toString().startsWith("line 3: "), all.toString());
        assertTrue(p.warnings().get(0).message().contains("this line is junk"), all.toString());
        assertEquals(4, p.warnings().get(1).line());
        assertTrue(p.warnings().get(1).message().contains("zoom"), all.toString());
        assertEquals(5, p.warnings().get(2).line());
        assertEquals(6, p.warnings().get(3).line());
        assertEquals(7, p.warnings().get(4).line());
        assertEquals(8, p.warnings().get(5).line());
    }

    @Test
    void rejectsEmptyText() {
        assertRejected("", "empty");
        assertRejected("  \r\n\n\t", "empty");
        assertRejected("\uFEFF", "empty");
        assertThrows(IllegalArgumentException.class, () -> MilkPresetParser.parse(null));
    }

    @Test
    void rejectsBinaryGarbage() {
        // A PNG signature and IHDR chunk, decoded the way a careless caller would.
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1,
            0, 0, 0, 1, 0, 8, 6, 0, 0, 0};
        assertRejected(new String(png, StandardCharsets.ISO_8859_1), "binary");
        assertRejected(new String(png, StandardCharsets.UTF_8), "binary");
        // Random bytes without NULs still hold far too many control characters.
        byte[] noise = new byte[4096];
        Random r = new Random(42);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (1 + r.nextInt(255));
        }
        assertRejected(new String(noise, StandardCharsets.ISO_8859_1), "binary");
    }

    @Test
    void rejectsAnHtmlPage() {
        String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
                + "<title>Geiss - Eggs.milk</title></head>\n<body>\n<a href=\"/presets/Geiss - Eggs.milk\">download</a>\n"
                + "<script>var zoom = 1;</script>\n</body>\n</html>\n";
        IllegalArgumentException e = assertRejected(html, "no");
        assertTrue(e.getMessage().contains("<!DOCTYPE html>"), "the message quotes the start: " + e.getMessage());
    }

    @Test
    void rejectsTextWithoutAnyMilkDropKey() {
        assertRejected("[preset00]\n", "MilkDrop key");
        assertRejected("hello world\nfoo=bar\n", "MilkDrop key");
    }

    private static IllegalArgumentException assertRejected(String text, String mentions) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MilkPresetParser.parse(text));
        assertTrue(e.getMessage().startsWith("not a MilkDrop preset"), e.getMessage());
        assertTrue(e.getMessage().contains(mentions), e.getMessage());
        return e;
    }
}
