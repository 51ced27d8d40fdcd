package dev.aivj.presets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivj.engine.looks.MeasuredLook;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker on real presets in Debian's headless Chromium: projectM presets that draw, fail their shaders and
 * stay black (their verdicts known from the full run), and butterchurn presets rendered by butterchurn.
 */
class PresetCheckerTest {
    private static final String DRAWS = "presets_milkdrop/aderrasi-agitator";
    private static final String SHADER_FAILS = "presets_bltc201/geiss-drop-shadow-1";
    private static final String STAYS_BLACK = "presets_bltc201/brainstain-re-entry";

    @TempDir
    Path tmp;

    private PresetChecker.Options options(String engine, String... ids) {
        PresetChecker.Options o = new PresetChecker.Options();
        o.ids.addAll(java.util.List.of(ids));
        o.engine = engine;
        o.web = Path.of("../projectm-wasm/target/classes/web"); // projectM's build (a dependency, built first)
        String music = System.getProperty("aivj.music.dir", "");
        o.music = (music.isBlank() ? PresetChecker.defaultCache().resolve("music") : Path.of(music))
                .resolve("derived/clip.wav");
        o.status = tmp.resolve(engine + "-status.json");
        o.framesDir = tmp.resolve("frames");
        return o;
    }

    @Test
    void projectmPresetsGetTheirVerdictLookAndFrames() throws Exception {
        PresetChecker.Options o = options("projectm", DRAWS, SHADER_FAILS, STAYS_BLACK);
        assertEquals(0, new PresetChecker(o.resolve()).run());
        JsonNode status = new ObjectMapper().readTree(o.status.toFile());
        JsonNode p = status.path("presets");

        JsonNode draws = p.path(DRAWS);
        assertTrue(draws.path("nonBlank").asBoolean() && !draws.path("frozen").asBoolean(), draws.toString());
        assertEquals(MeasuredLook.LENGTH, draws.path("look").size());
        MeasuredLook look = MeasuredLook.of(floats(draws.path("look")));
        assertTrue(look.usable());
        assertTrue(look.get(0) > 5 && look.get(3) > 0.1, "bright enough and moving: " + draws.path("look"));

        JsonNode fails = p.path(SHADER_FAILS);
        assertTrue(fails.path("loads").asBoolean());
        assertFalse(fails.path("shadersCompile").asBoolean());
        assertTrue(MeasuredLook.of(floats(fails.path("look"))).broken());

        assertFalse(p.path(STAYS_BLACK).path("nonBlank").asBoolean(), p.path(STAYS_BLACK).toString());
        assertEquals(1, status.path("summary").path("all").path("usable").asInt());

        String stamp = status.path("build").asText();
        PresetLibrary.Entry entry = PresetLibrary.scan(o.presets).stream()
                .filter(e -> e.id().equals(DRAWS)).findFirst().orElseThrow();
        PresetFrames kept = PresetFrames.read(PresetFrames.file(o.framesDir, "projectm", stamp, entry));
        assertEquals(2 * PresetFrames.PAIRS, kept.count());
        assertEquals(o.width / 2, kept.width());

        // Resumable: a second run finds nothing to do and keeps the results.
        long modified = Files.getLastModifiedTime(o.status).toMillis();
        assertEquals(0, new PresetChecker(options("projectm", DRAWS, SHADER_FAILS, STAYS_BLACK).resolve()).run());
        assertEquals(draws, new ObjectMapper().readTree(o.status.toFile()).path("presets").path(DRAWS));
        assertTrue(Files.getLastModifiedTime(o.status).toMillis() >= modified);
    }

    @Test
    void butterchurnPresetsAreRenderedByButterchurn() throws Exception {
        PresetChecker.Options o = options("butterchurn", "butterchurn/flexi-mindblob-mix",
                "butterchurn/geiss-reaction-diffusion-2");
        assertEquals(0, new PresetChecker(o.resolve()).run());
        JsonNode status = new ObjectMapper().readTree(o.status.toFile());
        assertTrue(status.path("engine").asText().startsWith("butterchurn"));
        assertEquals(2, status.path("summary").path("all").path("checked").asInt());
        for (JsonNode r : status.path("presets")) {
            assertTrue(r.path("loads").asBoolean(), r.toString());
            assertEquals(MeasuredLook.LENGTH, r.path("look").size());
            assertFalse(MeasuredLook.of(floats(r.path("look"))).broken());
        }
    }

    @Test
    void aSharedStatusFileKeepsWhatEitherCheckerMeasured() throws Exception {
        ObjectMapper m = new ObjectMapper();
        JsonNode current = m.readTree("{\"build\":\"new\",\"lookVersion\":" + MeasuredLook.LOOK_VERSION + "}");
        JsonNode currentOther = m.readTree("{\"build\":\"new\",\"lookVersion\":" + MeasuredLook.LOOK_VERSION
                + ",\"ms\":1}");
        JsonNode stale = m.readTree("{\"build\":\"old\",\"lookVersion\":" + MeasuredLook.LOOK_VERSION + "}");
        java.util.Map<String, JsonNode> ours = new java.util.TreeMap<>(java.util.Map.of(
                "a", stale, "b", current, "c", stale));
        java.util.Map<String, JsonNode> disk = java.util.Map.of("a", current, "b", currentOther, "c", stale, "d", stale);
        PresetChecker.takeNewer(ours, disk, "new");
        assertEquals(current, ours.get("a"), "a current result from the other checker replaces a stale one");
        assertEquals(current, ours.get("b"), "our own current result stays");
        assertEquals(stale, ours.get("c"));
        assertEquals(stale, ours.get("d"), "nothing on disk is dropped");
    }

    private static float[] floats(JsonNode array) {
        float[] v = new float[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) array.get(i).asDouble();
        }
        return v;
    }
}
