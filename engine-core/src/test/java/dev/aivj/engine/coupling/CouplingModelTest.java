package dev.aivj.engine.coupling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.engine.json.JsonReader;
import dev.aivj.engine.looks.PresetVector;
import dev.aivj.engine.model.FixtureBundles;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Inference of the coupling model on GENERATED TEST WEIGHTS ({@link CouplingTestBundles}), not a trained model. */
class CouplingModelTest {
    private static final CouplingModelSpec FULL = CouplingModelSpec.defaults(true, true);

    // ---- (a) basic behaviour -------------------------------------------------------------------------

    @ParameterizedTest(name = "attention={0}, adaptiveWeights={1}")
    @CsvSource({"true,true", "true,false", "false,true", "false,false"})
    void scoresAreDeterministicAndInRange(boolean attention, boolean adaptive) {
        CouplingTestBundles b = CouplingTestBundles.random(CouplingModelSpec.defaults(attention, adaptive), 7);
        CouplingModel m = b.load();
        CouplingModel again = b.load();
        Random r = new Random(11);
        double minQ = 1;
        double maxQ = 0;
        for (int i = 0; i < 300; i++) {
            float[] u = CouplingTestBundles.realisticVector(r);
            float[] l = CouplingTestBundles.realisticVector(r);
            float[] uCopy = u.clone();
            float[] lCopy = l.clone();
            CouplingScore s = m.score(u, l);
            assertEquals(s, m.score(u, l), "same model, same pair");
            assertEquals(s, again.score(u, l), "same bundle loaded twice");
            assertArrayEquals(uCopy, u, "score must not modify its input");
            assertArrayEquals(lCopy, l, "score must not modify its input");
            assertTrue(s.quality() > 0 && s.quality() < 1, "quality " + s.quality());
            assertTrue(Math.abs(s.spatialWeight()) <= CouplingModelSpec.W_MAX, "w_s " + s.spatialWeight());
            assertTrue(Math.abs(s.temporalWeight()) <= CouplingModelSpec.W_MAX, "w_t " + s.temporalWeight());
            assertTrue(s.spatialSimilarity() >= -1 && s.spatialSimilarity() <= 1, "S " + s.spatialSimilarity());
            assertTrue(s.temporalSimilarity() >= -1 && s.temporalSimilarity() <= 1, "T " + s.temporalSimilarity());
            minQ = Math.min(minQ, s.quality());
            maxQ = Math.max(maxQ, s.quality());
        }
        assertTrue(maxQ - minQ > 0.01, "quality should vary across pairs: " + minQ + ".." + maxQ);
    }

    @Test
    void identicalLayersAreFullyAlikeInSpaceAndTime() {
        CouplingModel m = CouplingTestBundles.fixture().load();
        float[] x = CouplingTestBundles.realisticVector(new Random(3));
        CouplingScore s = m.score(x, x.clone());
        assertEquals(1f, s.spatialSimilarity(), 1e-5f);
        assertEquals(1f, s.temporalSimilarity(), 1e-5f);
    }

    @Test
    void weightsAreTheSameForEveryPairWithoutAdaptiveWeights() {
        CouplingTestBundles b = CouplingTestBundles.random(CouplingModelSpec.defaults(true, false), 5);
        CouplingModel m = b.load();
        float[] g = b.tensors().get("weights.global");
        Random r = new Random(4);
        for (int i = 0; i < 20; i++) {
            CouplingScore s = m.score(CouplingTestBundles.realisticVector(r), CouplingTestBundles.realisticVector(r));
            assertEquals((float) (CouplingModelSpec.W_MAX * Math.tanh(g[0])), s.spatialWeight(), 1e-6f);
            assertEquals((float) (CouplingModelSpec.W_MAX * Math.tanh(g[1])), s.temporalWeight(), 1e-6f);
        }
    }

    @Test
    void specRoundTripsThroughJson() {
        for (boolean attention : new boolean[] {false, true}) {
            for (boolean adaptive : new boolean[] {false, true}) {
                CouplingModelSpec spec = CouplingModelSpec.defaults(attention, adaptive);
                CouplingModelSpec back = CouplingModelSpec.fromJson(JsonReader.parse(spec.toJson()));
                assertEquals(spec.toJson(), back.toJson());
                assertEquals(spec.parameterCount(), back.parameterCount());
                assertEquals(PresetVector.LENGTH, back.inputSize());
                assertEquals(PresetVector.VERSION, back.vectorVersion());
            }
        }
        assertEquals(CouplingModelSpec.SPATIAL_NAMES.length, FULL.spatialSlots().length);
        assertEquals(CouplingModelSpec.TEMPORAL_NAMES.length, FULL.temporalSlots().length);
    }

    // ---- (b) independent reference forward pass ----------------------------------------------------

    @ParameterizedTest(name = "attention={0}, adaptiveWeights={1}")
    @CsvSource({"true,true", "true,false", "false,true", "false,false"})
    void matchesAnIndependentDoublePrecisionForwardPass(boolean attention, boolean adaptive) {
        CouplingModelSpec spec = CouplingModelSpec.defaults(attention, adaptive);
        CouplingTestBundles b = CouplingTestBundles.random(spec, 31 + (attention ? 1 : 0) + (adaptive ? 2 : 0));
        CouplingModel m = b.load();
        Random r = new Random(99);
        double maxDiff = 0;
        for (int i = 0; i < 25; i++) {
            float[] u = CouplingTestBundles.realisticVector(r);
            float[] l = CouplingTestBundles.realisticVector(r);
            if (i == 0) {
                u[0] = 1e6f; // far outside: clipped to +CLIP
                l[1] = -1e6f;
            }
            CouplingScore s = m.score(u, l);
            double[] expected = Reference.forward(spec, b.tensors(), u, l);
            float[] actual = {s.quality(), s.spatialWeight(), s.temporalWeight(), s.spatialSimilarity(),
                s.temporalSimilarity()};
            String[] what = {"quality", "w_s", "w_t", "S", "T"};
            for (int k = 0; k < 5; k++) {
                double d = Math.abs(expected[k] - actual[k]);
                maxDiff = Math.max(maxDiff, d);
                assertTrue(d < 1e-5, what[k] + " of pair " + i + ": engine " + actual[k] + ", reference "
                        + expected[k]);
            }
        }
        System.out.printf("coupling reference parity (attention=%s, adaptive=%s): max |diff| %.2e%n", attention,
                adaptive, maxDiff);
    }

    /**
     * The forward pass written straight from {@link CouplingModelSpec}'s description, in double precision, on the
     * generated tensor values (not the bundle bytes, not engine-core's Dense/Activations).
     */
    static final class Reference {
        static double[] forward(CouplingModelSpec spec, Map<String, float[]> t, float[] xu, float[] xl) {
            double[] zu = normalize(t, xu);
            double[] zl = normalize(t, xl);
            double[] eu = add(mlp(t, "enc1", "enc2", zu), t.get("role.upper"));
            double[] el = add(mlp(t, "enc1", "enc2", zl), t.get("role.lower"));
            double[] fu = eu;
            double[] fl = el;
            if (spec.attention()) {
                double[][] e = {eu, el};
                double[][] q = new double[2][];
                double[][] k = new double[2][];
                double[][] v = new double[2][];
                for (int i = 0; i < 2; i++) {
                    q[i] = linear(t.get("attn.q.weight"), null, e[i]);
                    k[i] = linear(t.get("attn.k.weight"), null, e[i]);
                    v[i] = linear(t.get("attn.v.weight"), null, e[i]);
                }
                double[][] f = new double[2][];
                int d = eu.length;
                for (int i = 0; i < 2; i++) {
                    double a0 = dot(q[i], k[0]) / Math.sqrt(d);
                    double a1 = dot(q[i], k[1]) / Math.sqrt(d);
                    double p0 = 1 / (1 + Math.exp(a1 - a0)); // softmax over two
                    double p1 = 1 - p0;
                    f[i] = new double[d];
                    for (int c = 0; c < d; c++) {
                        f[i][c] = p0 * v[0][c] + p1 * v[1][c] + q[i][c];
                    }
                }
                fu = f[0];
                fl = f[1];
            }
            double s = cosine(mlp(t, "spatial1", "spatial2", pick(zu, spec.spatialSlots())),
                    mlp(t, "spatial1", "spatial2", pick(zl, spec.spatialSlots())));
            double tt = cosine(mlp(t, "temporal1", "temporal2", pick(zu, spec.temporalSlots())),
                    mlp(t, "temporal1", "temporal2", pick(zl, spec.temporalSlots())));
            double[] raw;
            if (spec.adaptiveWeights()) {
                int d = fu.length;
                double[] pair = new double[4 * d];
                for (int c = 0; c < d; c++) {
                    pair[c] = fu[c];
                    pair[d + c] = fl[c];
                    pair[2 * d + c] = fu[c] * fl[c];
                    pair[3 * d + c] = Math.abs(fu[c] - fl[c]);
                }
                raw = mlp(t, "head1", "head2", pair);
            } else {
                float[] g = t.get("weights.global");
                raw = new double[] {g[0], g[1]};
            }
            double ws = CouplingModelSpec.W_MAX * Math.tanh(raw[0]);
            double wt = CouplingModelSpec.W_MAX * Math.tanh(raw[1]);
            double quality = 1 / (1 + Math.exp(-(ws * s + wt * tt + t.get("bias")[0])));
            return new double[] {quality, ws, wt, s, tt};
        }

        private static double[] normalize(Map<String, float[]> t, float[] x) {
            float[] mean = t.get("norm.mean");
            float[] std = t.get("norm.std");
            double[] z = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double v = ((double) x[i] - mean[i]) / std[i];
                z[i] = Math.max(-CouplingModelSpec.CLIP, Math.min(CouplingModelSpec.CLIP, v));
            }
            return z;
        }

        /** second(relu(first(x))), each y = W·x + b with W stored [out][in]. */
        private static double[] mlp(Map<String, float[]> t, String first, String second, double[] x) {
            double[] h = linear(t.get(first + ".weight"), t.get(first + ".bias"), x);
            for (int i = 0; i < h.length; i++) {
                h[i] = Math.max(0, h[i]);
            }
            return linear(t.get(second + ".weight"), t.get(second + ".bias"), h);
        }

        private static double[] linear(float[] w, float[] b, double[] x) {
            int out = w.length / x.length;
            double[] y = new double[out];
            for (int o = 0; o < out; o++) {
                double acc = b == null ? 0 : b[o];
                for (int c = 0; c < x.length; c++) {
                    acc += (double) w[o * x.length + c] * x[c];
                }
                y[o] = acc;
            }
            return y;
        }

        private static double[] pick(double[] z, int[] slots) {
            double[] x = new double[slots.length];
            for (int i = 0; i < slots.length; i++) {
                x[i] = z[slots[i]];
            }
            return x;
        }

        private static double[] add(double[] x, float[] y) {
            for (int i = 0; i < x.length; i++) {
                x[i] += y[i];
            }
            return x;
        }

        private static double dot(double[] a, double[] b) {
            double s = 0;
            for (int i = 0; i < a.length; i++) {
                s += a[i] * b[i];
            }
            return s;
        }

        private static double cosine(double[] a, double[] b) {
            return dot(a, b) / Math.sqrt((dot(a, a) + CouplingModelSpec.EPS) * (dot(b, b) + CouplingModelSpec.EPS));
        }
    }

    // ---- (c) asymmetry ------------------------------------------------------------------------------

    @Test
    void swappingTheLayersChangesTheScore() {
        CouplingTestBundles b = CouplingTestBundles.fixture();
        assertFalse(Arrays.equals(b.tensors().get("role.upper"), b.tensors().get("role.lower")),
                "fixture role vectors differ");
        CouplingModel m = b.load();
        Random r = new Random(8);
        for (int i = 0; i < 20; i++) {
            float[] u = CouplingTestBundles.realisticVector(r);
            float[] l = CouplingTestBundles.realisticVector(r);
            CouplingScore ul = m.score(u, l);
            CouplingScore lu = m.score(l, u);
            // S and T are cosines: symmetric, exactly.
            assertEquals(ul.spatialSimilarity(), lu.spatialSimilarity());
            assertEquals(ul.temporalSimilarity(), lu.temporalSimilarity());
            // The weights (and so the quality) depend on which preset is on top.
            assertNotEquals(ul.spatialWeight(), lu.spatialWeight(), "w_s of pair " + i);
            assertNotEquals(ul.temporalWeight(), lu.temporalWeight(), "w_t of pair " + i);
            assertTrue(Math.abs(ul.quality() - lu.quality()) > 1e-6, "quality of pair " + i);
        }
    }

    @Test
    void roleVectorsAloneMakeTheTokensDifferForTheSamePreset() {
        // Same preset on both layers: only the role vectors tell the tokens apart. Changing role.lower must move
        // the adaptive weights; with equal role vectors F_u = F_l, so |F_u − F_l| = 0.
        CouplingTestBundles b = CouplingTestBundles.fixture();
        float[] x = CouplingTestBundles.realisticVector(new Random(21));
        CouplingScore base = b.load().score(x, x);
        CouplingScore equalRoles = CouplingTestBundles.builder(FULL, CouplingTestBundles.SEED)
                .values("role.lower", b.tensors().get("role.upper")).build().load().score(x, x);
        assertNotEquals(base.spatialWeight(), equalRoles.spatialWeight());
        assertEquals(base.spatialSimilarity(), equalRoles.spatialSimilarity());
    }

    @Test
    void withoutAdaptiveWeightsTheModelIsSymmetric() {
        CouplingModel m = CouplingTestBundles.random(CouplingModelSpec.defaults(true, false), 12).load();
        Random r = new Random(13);
        for (int i = 0; i < 10; i++) {
            float[] u = CouplingTestBundles.realisticVector(r);
            float[] l = CouplingTestBundles.realisticVector(r);
            assertEquals(m.score(u, l), m.score(l, u));
        }
    }

    // ---- (d) bad input ------------------------------------------------------------------------------

    @Test
    void refusesAVectorOfTheWrongLength() {
        CouplingModel m = CouplingTestBundles.fixture().load();
        float[] ok = CouplingTestBundles.realisticVector(new Random(1));
        int n = PresetVector.LENGTH;
        assertMessage(() -> m.score(Arrays.copyOf(ok, n - 1), ok), "coupling model: the upper preset vector must have "
                + n + " slots (" + PresetVector.VERSION + "), got " + (n - 1));
        assertMessage(() -> m.score(ok, Arrays.copyOf(ok, n + 3)), "coupling model: the lower preset vector must have "
                + n + " slots (" + PresetVector.VERSION + "), got " + (n + 3));
        assertMessage(() -> m.score(ok, null), "coupling model: the lower preset vector must have " + n
                + " slots (" + PresetVector.VERSION + "), got none");
    }

    @Test
    void refusesANonFiniteSlot() {
        CouplingModel m = CouplingTestBundles.fixture().load();
        float[] ok = CouplingTestBundles.realisticVector(new Random(1));
        float[] nan = ok.clone();
        nan[17] = Float.NaN;
        assertMessage(() -> m.score(nan, ok), "coupling model: the upper preset vector's slot 17 is not finite");
        float[] inf = ok.clone();
        inf[3] = Float.NEGATIVE_INFINITY;
        assertMessage(() -> m.score(ok, inf), "coupling model: the lower preset vector's slot 3 is not finite");
    }

    @Test
    void refusesTruncatedWeights() {
        CouplingTestBundles b = CouplingTestBundles.fixture();
        byte[] w = b.weights();
        assertMessage(() -> CouplingModel.load(b.manifest(), Arrays.copyOf(w, w.length - 4)),
                "model bundle: weights are truncated: " + (w.length - 4) + " bytes, manifest says " + w.length);
        assertMessage(() -> CouplingModel.load(b.manifest(), null), "model bundle: weights are missing");
    }

    @Test
    void refusesCorruptWeightsOrChecksum() {
        CouplingTestBundles b = CouplingTestBundles.fixture();
        byte[] w = b.weights();
        w[100] ^= 0x04;
        assertMessage(() -> CouplingModel.load(b.manifest(), w), "model bundle: weights are corrupt: SHA-256");
        String badSha = b.manifest().replaceFirst("\"sha256\":\"[0-9a-f]", "\"sha256\":\"x");
        assertMessage(() -> CouplingModel.load(badSha, b.weights()), "model bundle: weights are corrupt: SHA-256");
    }

    @Test
    void refusesAMissingTensor() {
        CouplingTestBundles b = CouplingTestBundles.builder(FULL, 1).omit("attn.k.weight").build();
        assertMessage(() -> CouplingModel.load(b.manifest(), b.weights()), "model bundle: tensor attn.k.weight is missing");
        CouplingTestBundles global = CouplingTestBundles.builder(CouplingModelSpec.defaults(false, false), 1)
                .omit("weights.global").build();
        assertMessage(() -> CouplingModel.load(global.manifest(), global.weights()),
                "model bundle: tensor weights.global is missing");
    }

    @Test
    void refusesATensorOfTheWrongShape() {
        int n = PresetVector.LENGTH;
        CouplingTestBundles b = CouplingTestBundles.builder(FULL, 1).shape("enc1.weight", n, 64).build();
        assertMessage(() -> CouplingModel.load(b.manifest(), b.weights()),
                "model bundle: tensor enc1.weight has shape [" + n + ", 64] but the model spec needs [64, " + n + "]");
        CouplingTestBundles c = CouplingTestBundles.builder(FULL, 1).shape("head2.bias", 3).build();
        assertMessage(() -> CouplingModel.load(c.manifest(), c.weights()),
                "model bundle: tensor head2.bias has shape [3] but the model spec needs [2]");
    }

    @Test
    void refusesAnotherArchitecture() {
        CouplingTestBundles b = CouplingTestBundles.builder(FULL, 1)
                .modelJson(FULL.toJson().replace("aivj-coupling-v1", "aivj-coupling-v2")).build();
        assertMessage(() -> CouplingModel.load(b.manifest(), b.weights()),
                "coupling model architecture aivj-coupling-v2 is not supported (expected aivj-coupling-v1)");
        // The music model's bundle is no coupling model.
        assertMessage(() -> CouplingModel.load(FixtureBundles.manifest(), FixtureBundles.weights()),
                "coupling model architecture aivj-conv-lstm-v1 is not supported (expected aivj-coupling-v1)");
        CouplingTestBundles wMax = CouplingTestBundles.builder(FULL, 1)
                .modelJson(FULL.toJson().replace("\"wMax\":4", "\"wMax\":3")).build();
        assertMessage(() -> CouplingModel.load(wMax.manifest(), wMax.weights()),
                "coupling model: wMax/clip differ from this engine's");
        CouplingTestBundles layout = CouplingTestBundles.builder(FULL, 1)
                .modelJson(FULL.toJson().replace(PresetVector.VERSION, "features0+look0")).build();
        assertMessage(() -> CouplingModel.load(layout.manifest(), layout.weights()),
                "coupling model: trained on preset vectors features0+look0, this engine measures "
                        + PresetVector.VERSION + " (retrain or re-export the model)");
    }

    @Test
    void refusesANonPositiveStd() {
        float[] std = CouplingTestBundles.fixture().tensors().get("norm.std").clone();
        std[9] = 0f;
        CouplingTestBundles zero = CouplingTestBundles.builder(FULL, CouplingTestBundles.SEED).values("norm.std", std)
                .build();
        assertMessage(() -> CouplingModel.load(zero.manifest(), zero.weights()),
                "coupling model: norm.std[9] is 0.0, must be > 0");
        std[9] = 1f;
        std[40] = -0.5f;
        CouplingTestBundles negative = CouplingTestBundles.builder(FULL, CouplingTestBundles.SEED)
                .values("norm.std", std).build();
        assertMessage(() -> CouplingModel.load(negative.manifest(), negative.weights()),
                "coupling model: norm.std[40] is -0.5, must be > 0");
    }

    @Test
    void refusesAManifestWithoutModel() {
        CouplingTestBundles b = CouplingTestBundles.fixture();
        String noModel = b.manifest().substring(0, b.manifest().indexOf(",\"model\":")) + "}";
        assertMessage(() -> CouplingModel.load(noModel, b.weights()), "model bundle: manifest has no model description");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String expectedPrefix) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage() != null && e.getMessage().startsWith(expectedPrefix),
                "message\n  " + e.getMessage() + "\nshould start with\n  " + expectedPrefix);
    }
}
