package dev.aivj.presets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivj.engine.recommend.LibraryPair;
import dev.aivj.engine.recommend.LookSpace;
import dev.aivj.engine.recommend.PairLibrary;
import dev.aivj.engine.recommend.StyleAffinity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preset index's browser fields on the real library (projectm-data, the committed preset-status.json): each
 * preset's author, its place on the engine's look axes and its style affinities are what the engine recommends on,
 * so every shipped pair's look is the mean of its two presets' axes.
 */
class PresetIndexLooksTest {
    static final Path PAIR_LIBRARY = Path.of("..", "web-frontend", "src", "main", "resources", "web", "pairs",
            "pair-library.json");

    @TempDir
    Path tmp;

    @Test
    void presetsCarryAuthorLookAxesAndStyleAffinityConsistentWithThePairLibrary() throws Exception {
        PresetLibrary.writeLibrary(PresetLibrary.scan(PresetLibrary.resolveRoot(System.getProperty("aivj.presets.dir"))),
                tmp, Path.of("preset-status.json"));
        JsonNode index = new ObjectMapper().readTree(tmp.resolve("index.json").toFile());
        assertEquals(String.join(",", LookSpace.AXES), String.join(",",
                new ObjectMapper().convertValue(index.get("lookAxes"), String[].class)));
        Map<String, JsonNode> byId = new HashMap<>();
        index.get("presets").forEach(p -> byId.put(p.get("id").asText(), p));

        JsonNode agitator = byId.get("presets_milkdrop/aderrasi-agitator");
        assertEquals("Aderrasi", agitator.get("author").asText(), "author from \"Aderrasi - Agitator\"");
        assertFalse(byId.get("presets_milkdrop_104/brainstain-blackwidow").has("author"),
                "a name without \" - \" names no author");

        int measured = 0;
        for (JsonNode p : index.get("presets")) {
            if (!p.has("axes")) {
                continue;
            }
            measured++;
            double[] axes = new ObjectMapper().convertValue(p.get("axes"), double[].class);
            for (int s = 0; s < StyleAffinity.STYLES.length; s++) {
                assertEquals(StyleAffinity.toStyle(axes, StyleAffinity.STYLES[s]), p.get("affinity").get(s).asDouble(),
                        1e-3, p.get("id") + " affinity to " + StyleAffinity.STYLES[s]);
            }
        }
        assertTrue(measured > 4000, "measured presets with axes: " + measured);

        PairLibrary pairs = PairLibrary.parse(Files.readString(PAIR_LIBRARY));
        for (LibraryPair pair : pairs.pairs()) {
            JsonNode fg = byId.get(pair.fg()).get("axes");
            JsonNode bg = byId.get(pair.bg()).get("axes");
            for (int a = 0; a < LookSpace.DIMENSIONS; a++) {
                assertEquals(pair.look()[a], (fg.get(a).asDouble() + bg.get(a).asDouble()) / 2, 2e-4,
                        pair.fg() + " + " + pair.bg() + " on " + LookSpace.AXES[a]);
            }
        }
    }
}
