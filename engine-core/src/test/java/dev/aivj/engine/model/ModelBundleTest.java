package dev.aivj.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ModelBundleTest {
    private static final String[] LABELS = {"edm", "classical", "rock", "ambient", "chiptune"};
    private final MusicModelSpec spec = MusicModelSpec.defaults(LABELS);

    @Test
    void loadsAValidBundle() {
        TestBundles b = TestBundles.random(spec, 1);
        MusicModel m = MusicModel.load(b.manifest, b.weights);
        assertEquals(Arrays.asList(LABELS), Arrays.asList(m.labels()));
        assertEquals(8, m.spec().framesPerStep());
        assertTrue(spec.parameterCount() * 4 < 1 << 20, "model under 1 MB");
    }

    @Test
    void refusesACorruptByte() {
        TestBundles b = TestBundles.random(spec, 1);
        b.weights[1234] ^= 0x10;
        assertMessage(b.manifest, b.weights, "model bundle: weights are corrupt: SHA-256");
    }

    @Test
    void refusesTruncatedOrOversizedWeights() {
        TestBundles b = TestBundles.random(spec, 1);
        assertMessage(b.manifest, Arrays.copyOf(b.weights, b.weights.length - 4),
                "model bundle: weights are truncated: " + (b.weights.length - 4) + " bytes, manifest says "
                        + b.weights.length);
        assertMessage(b.manifest, Arrays.copyOf(b.weights, b.weights.length + 4), "model bundle: weights have");
    }

    @Test
    void refusesAnotherFormatVersion() {
        TestBundles b = TestBundles.build(spec, 1, spec.toJson(), 2, null, null);
        assertMessage(b.manifest, b.weights, "model bundle: formatVersion 2 is not supported (this engine reads 1)");
    }

    @Test
    void refusesATensorOfTheWrongShape() {
        TestBundles b = TestBundles.build(spec, 1, spec.toJson(), 1, "conv1.weight", new int[] {16, 64, 5});
        assertMessage(b.manifest, b.weights,
                "model bundle: tensor conv1.weight has shape [16, 64, 5] but the model spec needs [16, 64, 3]");
        b = TestBundles.build(spec, 1, spec.toJson(), 1, "style.bias", new int[] {4});
        assertMessage(b.manifest, b.weights, "model bundle: tensor style.bias has shape [4] but the model spec needs [5]");
    }

    @Test
    void refusesAnotherFrontEndOrVisualList() {
        TestBundles b = TestBundles.build(spec, 1, spec.toJson().replace("\"hopSize\":512", "\"hopSize\":256"), 1,
                null, null);
        assertMessage(b.manifest, b.weights, "model bundle: model was trained with front-end hopSize = 256.0");
        b = TestBundles.build(spec, 1, spec.toJson().replace("\"cutRate\"", "\"cutSpeed\""), 1, null, null);
        assertMessage(b.manifest, b.weights, "model bundle: $.model.visualParameters[6]: bundle has visual parameter cutSpeed");
    }

    @Test
    void refusesBrokenManifestJson() {
        TestBundles b = TestBundles.random(spec, 1);
        assertMessage(b.manifest.substring(0, 100), b.weights, "model bundle: manifest is not valid JSON");
        assertMessage(b.manifest.replace("\"sha256\"", "\"sha\""), b.weights,
                "model bundle: $: missing field \"sha256\"");
    }

    private static void assertMessage(String manifest, byte[] weights, String prefix) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MusicModel.load(manifest, weights));
        assertTrue(e.getMessage().startsWith(prefix), "expected \"" + prefix + "...\", got: " + e.getMessage());
    }
}
