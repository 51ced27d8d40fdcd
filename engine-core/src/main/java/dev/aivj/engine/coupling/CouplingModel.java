package dev.aivj.engine.coupling;

import dev.aivj.engine.looks.PresetVector;
import dev.aivj.engine.model.Activations;
import dev.aivj.engine.model.Dense;
import dev.aivj.engine.model.ModelBundle;

/**
 * Inference of the dual-layer coupling model ({@link CouplingModelSpec} describes the computation) from a bundle
 * written by model-export. Pure Java, no I/O: the host passes the bundle's manifest text and weights bytes.
 */
public final class CouplingModel {
    private final CouplingModelSpec spec;
    private final float[] mean;
    private final float[] std;
    private final float[] roleUpper;
    private final float[] roleLower;
    private final Dense enc1;
    private final Dense enc2;
    private final Dense q;
    private final Dense k;
    private final Dense v;
    private final Dense spatial1;
    private final Dense spatial2;
    private final Dense temporal1;
    private final Dense temporal2;
    private final Dense head1;
    private final Dense head2;
    private final float[] globalWeights;
    private final float bias;

    private CouplingModel(CouplingModelSpec spec, ModelBundle b) {
        this.spec = spec;
        mean = t(b, "norm.mean");
        std = t(b, "norm.std");
        for (int i = 0; i < std.length; i++) {
            if (!(std[i] > 0)) {
                throw new IllegalArgumentException("coupling model: norm.std[" + i + "] is " + std[i] + ", must be > 0");
            }
        }
        roleUpper = t(b, "role.upper");
        roleLower = t(b, "role.lower");
        enc1 = dense(b, "enc1");
        enc2 = dense(b, "enc2");
        q = spec.attention() ? noBias(b, "attn.q") : null;
        k = spec.attention() ? noBias(b, "attn.k") : null;
        v = spec.attention() ? noBias(b, "attn.v") : null;
        spatial1 = dense(b, "spatial1");
        spatial2 = dense(b, "spatial2");
        temporal1 = dense(b, "temporal1");
        temporal2 = dense(b, "temporal2");
        head1 = spec.adaptiveWeights() ? dense(b, "head1") : null;
        head2 = spec.adaptiveWeights() ? dense(b, "head2") : null;
        globalWeights = spec.adaptiveWeights() ? null : t(b, "weights.global");
        bias = t(b, "bias")[0];
    }

    /** Loads and checks a bundle (SHA-256, format version, architecture, every tensor's shape). */
    public static CouplingModel load(String manifestJson, byte[] weights) {
        ModelBundle bundle = ModelBundle.load(manifestJson, weights);
        if (!bundle.manifest().has("model")) {
            throw new IllegalArgumentException("model bundle: manifest has no model description");
        }
        CouplingModelSpec spec = CouplingModelSpec.fromJson(bundle.manifest().get("model"));
        if (!PresetVector.VERSION.equals(spec.vectorVersion())) {
            throw new IllegalArgumentException("coupling model: trained on preset vectors " + spec.vectorVersion()
                    + ", this engine measures " + PresetVector.VERSION + " (retrain or re-export the model)");
        }
        for (String name : spec.tensorNames()) {
            bundle.tensor(name, spec.shapeOf(name));
        }
        return new CouplingModel(spec, bundle);
    }

    public CouplingModelSpec spec() {
        return spec;
    }

    /** Scores one pair; both vectors must have {@link CouplingModelSpec#inputSize()} finite slots. */
    public CouplingScore score(float[] upper, float[] lower) {
        float[] zu = normalize(upper, "upper");
        float[] zl = normalize(lower, "lower");
        float[] eu = add(enc2.forward(relu(enc1.forward(zu, 1)), 1), roleUpper);
        float[] el = add(enc2.forward(relu(enc1.forward(zl, 1)), 1), roleLower);
        float[][] f = spec.attention() ? attend(eu, el) : new float[][] {eu, el};
        float s = cosine(group(spatial1, spatial2, zu, spec.spatialSlots()),
                group(spatial1, spatial2, zl, spec.spatialSlots()));
        float tt = cosine(group(temporal1, temporal2, zu, spec.temporalSlots()),
                group(temporal1, temporal2, zl, spec.temporalSlots()));
        float[] raw = spec.adaptiveWeights() ? head2.forward(relu(head1.forward(pairFeatures(f[0], f[1]), 1)), 1)
                : globalWeights;
        float ws = CouplingModelSpec.W_MAX * Activations.tanh(raw[0]);
        float wt = CouplingModelSpec.W_MAX * Activations.tanh(raw[1]);
        float quality = Activations.sigmoid(ws * s + wt * tt + bias);
        return new CouplingScore(quality, ws, wt, s, tt);
    }

    private float[] normalize(float[] x, String which) {
        if (x == null || x.length != spec.inputSize()) {
            throw new IllegalArgumentException("coupling model: the " + which + " preset vector must have "
                    + spec.inputSize() + " slots (" + spec.vectorVersion() + "), got "
                    + (x == null ? "none" : x.length));
        }
        float[] z = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            if (Float.isNaN(x[i]) || Float.isInfinite(x[i])) {
                throw new IllegalArgumentException("coupling model: the " + which + " preset vector's slot " + i
                        + " is not finite");
            }
            z[i] = Math.max(-CouplingModelSpec.CLIP, Math.min(CouplingModelSpec.CLIP, (x[i] - mean[i]) / std[i]));
        }
        return z;
    }

    /** Residual attention over the two layer tokens: softmax(Q·Kᵀ/√d)·V + Q. */
    private float[][] attend(float[] eu, float[] el) {
        int d = spec.embed();
        float[] tokens = new float[2 * d];
        System.arraycopy(eu, 0, tokens, 0, d);
        System.arraycopy(el, 0, tokens, d, d);
        float[] qs = q.forward(tokens, 2);
        float[] ks = k.forward(tokens, 2);
        float[] vs = v.forward(tokens, 2);
        float scale = (float) (1 / Math.sqrt(d));
        float[] att = new float[4];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                float dot = 0;
                for (int c = 0; c < d; c++) {
                    dot += qs[i * d + c] * ks[j * d + c];
                }
                att[i * 2 + j] = dot * scale;
            }
        }
        Activations.softmaxRows(att, 2);
        float[][] out = new float[2][d];
        for (int i = 0; i < 2; i++) {
            for (int c = 0; c < d; c++) {
                out[i][c] = att[i * 2] * vs[c] + att[i * 2 + 1] * vs[d + c] + qs[i * d + c];
            }
        }
        return out;
    }

    private static float[] group(Dense first, Dense second, float[] z, int[] slots) {
        float[] x = new float[slots.length];
        for (int i = 0; i < slots.length; i++) {
            x[i] = z[slots[i]];
        }
        return second.forward(relu(first.forward(x, 1)), 1);
    }

    private static float cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return (float) (dot / Math.sqrt((na + CouplingModelSpec.EPS) * (nb + CouplingModelSpec.EPS)));
    }

    /** [F_u, F_l, F_u⊙F_l, |F_u − F_l|]. */
    private static float[] pairFeatures(float[] fu, float[] fl) {
        int d = fu.length;
        float[] x = new float[4 * d];
        for (int c = 0; c < d; c++) {
            x[c] = fu[c];
            x[d + c] = fl[c];
            x[2 * d + c] = fu[c] * fl[c];
            x[3 * d + c] = Math.abs(fu[c] - fl[c]);
        }
        return x;
    }

    private static float[] relu(float[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(0f, x[i]);
        }
        return x;
    }

    private static float[] add(float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) {
            x[i] += y[i];
        }
        return x;
    }

    private float[] t(ModelBundle b, String name) {
        return b.tensor(name, spec.shapeOf(name));
    }

    private Dense dense(ModelBundle b, String name) {
        int[] shape = spec.shapeOf(name + ".weight");
        return new Dense(shape[1], shape[0], t(b, name + ".weight"), t(b, name + ".bias"));
    }

    private Dense noBias(ModelBundle b, String name) {
        int[] shape = spec.shapeOf(name + ".weight");
        return new Dense(shape[1], shape[0], t(b, name + ".weight"), new float[shape[0]]);
    }
}
