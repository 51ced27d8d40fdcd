package dev.aivj.presets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivj.engine.looks.MeasuredLook;
import dev.aivj.engine.looks.PresetVector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresetLibraryTest {

    @TempDir
    Path tmp;

    @Test
    void slugsAreLowerCaseAsciiWithDashes() {
        assertEquals("royal-mashup-431", PresetLibrary.slug("$$$ Royal - Mashup (431)"));
        assertEquals("rovastar-and-idiot24-7-balk-acid", PresetLibrary.slug("Rovastar & Idiot24-7 - Balk Acid"));
        assertEquals("flexi-plus-martin-cascading-decay-swing", PresetLibrary.slug("Flexi + Martin - cascading decay swing"));
        assertEquals("cafe-ete", PresetLibrary.slug("Café [été]"));
        assertEquals("", PresetLibrary.slug("$$$"));
    }

    @Test
    void collidingSlugsGetAStableHashAndTheIndexFollowsTheContract() throws Exception {
        Path pack = Files.createDirectories(tmp.resolve("data/usr/share/projectM/presets/presets_test"));
        Files.writeString(pack.resolve("A & B.milk"), "[preset00]\nzoom=1\n", StandardCharsets.ISO_8859_1);
        Files.writeString(pack.resolve("A and B.milk"), "[preset00]\nwarp_1=`shader_body\n", StandardCharsets.ISO_8859_1);
        Files.writeString(pack.resolve("$$$ Money.milk"), "[preset00]\ncomp_1=`shader_body\n", StandardCharsets.ISO_8859_1);
        Files.writeString(pack.resolve("readme.txt"), "not a preset");

        List<PresetLibrary.Entry> first = PresetLibrary.scan(tmp.resolve("data"));
        List<PresetLibrary.Entry> second = PresetLibrary.scan(tmp.resolve("data"));
        assertEquals(3, first.size());
        assertEquals(first.stream().map(PresetLibrary.Entry::id).toList(),
                second.stream().map(PresetLibrary.Entry::id).toList(), "slugs are stable");
        PresetLibrary.Entry amp = first.stream().filter(e -> e.name().equals("A & B")).findFirst().orElseThrow();
        PresetLibrary.Entry and = first.stream().filter(e -> e.name().equals("A and B")).findFirst().orElseThrow();
        assertNotEquals(amp.slug(), and.slug());
        assertTrue(amp.slug().matches("a-and-b-[0-9a-f]{6}"), amp.slug());
        assertFalse(amp.md2());
        assertTrue(and.md2());

        Path status = tmp.resolve("status.json");
        String look = java.util.Arrays.toString(new float[MeasuredLook.LENGTH]).replace(" ", "");
        Files.writeString(status, "{\"presets\":{\"presets_test/money\":"
                + "{\"loads\":true,\"shadersCompile\":false,\"nonBlank\":false,\"error\":\"x\"},"
                + "\"" + amp.id() + "\":{\"loads\":true,\"shadersCompile\":true,\"nonBlank\":true,\"frozen\":false,"
                + "\"lookVersion\":" + MeasuredLook.LOOK_VERSION + ",\"look\":" + look + "}}}");
        Path out = tmp.resolve("out");
        PresetLibrary.writeLibrary(first, out, status);

        JsonNode index = new ObjectMapper().readTree(out.resolve("index.json").toFile());
        assertEquals(1, index.get("version").asInt());
        assertEquals("Debian projectm-data 3.1.12", index.get("source").asText());
        assertEquals(3, index.get("presets").size());
        for (JsonNode p : index.get("presets")) {
            String id = p.get("id").asText();
            assertEquals("presets_test", p.get("pack").asText());
            assertEquals("/presets/projectm/" + id + ".milk", p.get("url").asText());
            assertTrue(Files.isRegularFile(out.resolve(id + ".milk")), id);
            assertTrue(p.has("md2") && p.has("status") && p.has("name"));
            if (id.equals("presets_test/money")) {
                assertEquals("$$$ Money", p.get("name").asText());
                assertTrue(p.get("md2").asBoolean());
                assertTrue(p.get("status").get("loads").asBoolean());
                assertFalse(p.get("status").get("shadersCompile").asBoolean());
                assertEquals(3, p.get("status").size());
                assertFalse(p.has("look"));
            } else if (id.equals(amp.id())) {
                assertFalse(p.get("status").get("frozen").asBoolean());
                assertEquals(MeasuredLook.LENGTH, p.get("look").size());
            } else {
                assertTrue(p.get("status").isNull(), id);
            }
        }
        // Only the measured preset has a vector: parsed features, then its look.
        JsonNode vectors = new ObjectMapper().readTree(out.resolve("vectors.json").toFile());
        assertEquals(PresetVector.VERSION, vectors.get("version").asText());
        assertEquals(PresetVector.LENGTH, vectors.get("names").size());
        assertEquals(1, vectors.get("presets").size());
        assertEquals(PresetVector.LENGTH, vectors.get("presets").get(amp.id()).size());
    }
}
