package dev.aivj.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivj.engine.coupling.CouplingModel;
import dev.aivj.engine.looks.MeasuredLook;
import dev.aivj.engine.presets.PresetFeatures;
import dev.aivj.engine.recommend.LibraryPair;
import dev.aivj.engine.recommend.OwnPresetPairs;
import dev.aivj.engine.recommend.PairLibrary;
import dev.aivj.engine.recommend.PartnerPresets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A viewer's preset joins the session's library: on the shipped coupling model, pair library and partner presets,
 * a library preset brought as if it were new gets the qualities and looks the library export gave its pairs.
 */
class OwnPresetsTest {
    private static final Path WEB = Path.of("../web-frontend/src/main/resources/web");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String manifest;
    private static byte[] weights;
    private static String libraryJson;
    private static String partnersJson;

    @BeforeAll
    static void read() throws Exception {
        manifest = Files.readString(WEB.resolve("models/coupling-v1/manifest.json"));
        weights = Files.readAllBytes(WEB.resolve("models/coupling-v1/weights.bin"));
        libraryJson = Files.readString(WEB.resolve("pairs/pair-library.json"));
        partnersJson = Files.readString(WEB.resolve("pairs/partner-presets.json"));
    }

    @Test
    void aLibraryPresetBroughtAgainScoresAsTheLibraryExportScoredIt() {
        CouplingModel model = CouplingModel.load(manifest, weights);
        PartnerPresets partners = PartnerPresets.parse(partnersJson);
        PairLibrary library = PairLibrary.parse(libraryJson);
        for (LibraryPair lp : library.pairs().subList(0, 20)) {
            float[] upper = vectorOf(partners, lp.fg());
            List<LibraryPair> found = OwnPresetPairs.of(model, partners, "own/x", "blob:x", upper, 500);
            LibraryPair same = found.stream().filter(p -> p.fg().equals("own/x") && p.bg().equals(lp.bg()))
                    .findFirst().orElseThrow();
            assertEquals(lp.quality(), same.quality(), 1e-4, "quality of " + lp.fg() + " over " + lp.bg());
            assertEquals(lp.ws(), same.ws(), 1e-4);
            assertEquals(lp.wt(), same.wt(), 1e-4);
            for (int a = 0; a < 4; a++) {
                assertEquals(lp.look()[a], same.look()[a], 1e-4, "look axis " + a);
            }
        }
    }

    @Test
    void theBestPairsOfEachRoleComeFirstAndABlankPresetGetsNone() {
        CouplingModel model = CouplingModel.load(manifest, weights);
        PartnerPresets partners = PartnerPresets.parse(partnersJson);
        float[] v = partners.presets().get(0).vector();
        List<LibraryPair> found = OwnPresetPairs.of(model, partners, "own/x", "blob:x", v, 6);
        assertEquals(12, found.size());
        List<LibraryPair> upper = found.subList(0, 6);
        List<LibraryPair> lower = found.subList(6, 12);
        assertTrue(upper.stream().allMatch(p -> p.fg().equals("own/x") && p.fgUrl().equals("blob:x")));
        assertTrue(lower.stream().allMatch(p -> p.bg().equals("own/x") && p.bgUrl().equals("blob:x")));
        for (int i = 1; i < 6; i++) {
            assertTrue(upper.get(i - 1).quality() >= upper.get(i).quality());
            assertTrue(lower.get(i - 1).quality() >= lower.get(i).quality());
        }
        // no partner scores better as the lower layer than the sixth best
        double sixth = upper.get(5).quality();
        long better = partners.presets().stream().filter(p -> model.score(v, p.vector()).quality() > sixth).count();
        assertTrue(better <= 5, better + " partners beat the sixth best");

        float[] blank = v.clone();
        blank[PresetFeatures.LENGTH + MeasuredLook.BLANK] = 1;
        assertTrue(OwnPresetPairs.of(model, partners, "own/x", "blob:x", blank, 6).isEmpty());
    }

    @Test
    void theSessionMeasuresFramesAndItsLibraryGrowsAndKeepsThePairsOnReload() throws Exception {
        EngineSession s = new EngineSession();
        String text = "[preset00]\nzoom=1.01\nper_frame_1=wave_r = bass;\n";
        byte[] frames = movingSquares(64, 48, 40);
        float[] energies = new float[40];
        for (int i = 0; i < energies.length; i++) {
            energies[i] = (float) (0.1 + 0.1 * Math.sin(i * 0.7));
        }
        String early = s.addOwnPreset("own/a", "blob:a", text, frames, 64, 48, energies);
        assertTrue(early.contains("no pair library"), early);
        assertEquals("", s.loadPairLibrary(libraryJson));
        String noModel = s.addOwnPreset("own/a", "blob:a", text, frames, 64, 48, energies);
        assertTrue(noModel.contains("load the coupling model and the partner presets first"), noModel);
        assertEquals("", s.loadCouplingModel(manifest, weights));
        assertEquals("", s.loadPartnerPresets(partnersJson));
        String wrongSize = s.addOwnPreset("own/a", "blob:a", text, Arrays.copyOf(frames, 100), 64, 48, energies);
        assertTrue(wrongSize.startsWith("{\"error\":\"look: 40 frames of 64x48 need"), wrongSize);

        JsonNode j = JSON.readTree(s.addOwnPreset("own/a", "blob:a", text, frames, 64, 48, energies));
        assertTrue(j.get("usable").asBoolean(), j.toString());
        assertEquals(MeasuredLook.LENGTH, j.get("look").size());
        assertEquals(4, j.get("axes").size());
        assertEquals(12, j.get("pairs").size());
        assertEquals(512, s.engine().library().size());
        s.addOwnPreset("own/a", "blob:a", text, frames, 64, 48, energies); // again: replaces, does not add
        assertEquals(512, s.engine().library().size());
        assertEquals("", s.loadPairLibrary(libraryJson));
        assertEquals(512, s.engine().library().size(), "the viewer's pairs stay when the library is loaded again");

        JsonNode still = JSON.readTree(s.addOwnPreset("own/b", "blob:b", text, new byte[64 * 48 * 3 * 40], 64, 48,
                energies));
        assertFalse(still.get("usable").asBoolean(), "an all-black preset is blank");
        assertEquals(0, still.get("pairs").size());
        assertEquals(512, s.engine().library().size());
    }

    /** Generated frames: a coloured square that moves with the energy, so the look is neither blank nor frozen. */
    private static byte[] movingSquares(int w, int h, int n) {
        byte[] out = new byte[w * h * 3 * n];
        for (int f = 0; f < n; f++) {
            int x0 = (f * 3) % (w - 16);
            for (int y = 10; y < 26; y++) {
                for (int x = x0; x < x0 + 16; x++) {
                    int p = f * w * h * 3 + 3 * (y * w + x);
                    out[p] = (byte) 230;
                    out[p + 1] = (byte) 40;
                    out[p + 2] = (byte) (f * 5);
                }
            }
        }
        return out;
    }

    private static float[] vectorOf(PartnerPresets partners, String id) {
        return partners.presets().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow().vector();
    }
}
