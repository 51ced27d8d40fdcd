package dev.aivj.training.music;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.model.VisualParameters;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TeacherMappingTest {
    private static final TeacherMapping BUNDLED = load();

    private static TeacherMapping load() {
        try {
            return TeacherMapping.load(null);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static double[] mid() {
        return new double[] {-18, 1.5, 4, 0.5, 0.4, 0.06, 9};
    }

    @Test
    void bundledMappingGivesNineValuesInUnitRangeForEveryStyle() {
        for (String style : new String[] {"edm", "rock", "classical", "ambient", "chiptune", "jazz", "folk", "x"}) {
            float[] t = BUNDLED.targets(style, mid());
            assertEquals(VisualParameters.COUNT, t.length);
            for (float v : t) {
                assertTrue(v >= 0 && v <= 1, style + ": " + Arrays.toString(t));
            }
        }
    }

    @Test
    void pulsesFollowOnsetAndOpacityFollowsEnergy() {
        double[] calm = mid();
        double[] busy = mid();
        busy[1] = 3.3; // onset strength
        int warp = VisualParameters.indexOf("warpPulse");
        int zoom = VisualParameters.indexOf("zoomPulse");
        assertTrue(BUNDLED.targets("rock", busy)[warp] > BUNDLED.targets("rock", calm)[warp]);
        assertTrue(BUNDLED.targets("rock", busy)[zoom] > BUNDLED.targets("rock", calm)[zoom]);
        double[] loud = mid();
        loud[0] = -10;
        int opacity = VisualParameters.indexOf("layerAOpacity");
        assertTrue(BUNDLED.targets("ambient", loud)[opacity] > BUNDLED.targets("ambient", calm)[opacity]);
        double[] dense = mid();
        dense[2] = 8;
        int cut = VisualParameters.indexOf("cutRate");
        assertTrue(BUNDLED.targets("edm", dense)[cut] > BUNDLED.targets("edm", calm)[cut]);
        assertTrue(BUNDLED.targets("edm", calm)[cut] > BUNDLED.targets("ambient", calm)[cut], "style base differs");
    }

    private static String json(String rules) {
        StringBuilder base = new StringBuilder("{");
        for (String n : VisualParameters.names()) {
            base.append(base.length() > 1 ? "," : "").append('"').append(n).append("\":0.5");
        }
        base.append('}');
        return "{\"windowSeconds\":1,\"onsetPeakThreshold\":2,\"descriptors\":{\"energy\":[-40,0],\"onset\":[0,4],"
                + "\"onsetDensity\":[0,8],\"low\":[0,1],\"mid\":[0,1],\"high\":[0,1],\"brightness\":[8,12]},"
                + "\"styles\":{\"default\":" + base + "},\"rules\":[" + rules + "]}";
    }

    @Test
    void ruleAddsWeightTimesCentredDescriptorAndClamps() throws IOException {
        TeacherMapping m = TeacherMapping.parse(json("{\"parameter\":\"warpPulse\",\"descriptor\":\"energy\",\"weight\":0.4}"));
        double[] d = {0, 0, 0, 0, 0, 0, 8}; // energy 0 dB -> 1.0 -> +0.2
        float[] t = m.targets("anything", d);
        assertEquals(0.7f, t[VisualParameters.indexOf("warpPulse")], 1e-6);
        assertEquals(0.5f, t[VisualParameters.indexOf("blend")], 1e-6);
        TeacherMapping big = TeacherMapping.parse(json("{\"parameter\":\"blend\",\"descriptor\":\"energy\",\"weight\":5}"));
        assertEquals(1f, big.targets("x", d)[VisualParameters.indexOf("blend")], 0);
    }

    @Test
    void rejectsBadFiles() {
        assertThrows(IOException.class, () -> TeacherMapping.parse(json(
                "{\"parameter\":\"nope\",\"descriptor\":\"energy\",\"weight\":1}")));
        assertThrows(IOException.class, () -> TeacherMapping.parse(json("").replace("\"default\"", "\"edm\"")));
        assertThrows(IOException.class, () -> TeacherMapping.parse(json("").replace(":0.5", ":1.5")));
    }

    @Test
    void stepTargetsCoverEveryWholeStepAndAreCausal() {
        int frames = 400;
        int bands = 64;
        float[] rms = new float[frames];
        float[] onset = new float[frames];
        float[] one = new float[frames];
        float[] centroid = new float[frames];
        Arrays.fill(rms, 0.01f);
        Arrays.fill(one, 1f);
        Arrays.fill(centroid, 1000f);
        for (int t = 300; t < frames; t++) {
            rms[t] = 0.3f; // loud from frame 300 on
        }
        FrameFeatures f = new FrameFeatures(frames, bands, new float[frames * bands], rms, centroid, new float[frames],
                onset, one, one, one);
        float[] steps = BUNDLED.stepTargets("rock", f, 4);
        assertEquals(frames / 4 * VisualParameters.COUNT, steps.length);
        int opacity = VisualParameters.indexOf("layerAOpacity");
        float early = steps[10 * VisualParameters.COUNT + opacity];
        float beforeLoud = steps[74 * VisualParameters.COUNT + opacity]; // frames 296..299: sees no loud frame
        float late = steps[99 * VisualParameters.COUNT + opacity];
        assertEquals(early, beforeLoud, 1e-6);
        assertTrue(late > early);
        assertArrayEquals(Arrays.copyOfRange(steps, 0, 9), Arrays.copyOfRange(BUNDLED.stepTargets("rock", f, 4), 0, 9));
    }
}
