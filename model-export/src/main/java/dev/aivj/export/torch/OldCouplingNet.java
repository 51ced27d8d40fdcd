package dev.aivj.export.torch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The team's old coupling net ({@code coupling_net_best.pth}, shared/DATA-FORMATS.md): a per-preset feature vector
 * of 64 → hidden 128 (ReLU) → 32 outputs. Its layers are found by shape in the state dict, whatever their names: one
 * weight [128, 64] with its bias [128], one weight [32, 128] with its bias [32]. How two presets' 32 outputs make a
 * pair's score is not written down; {@link #pairScore} takes their cosine (the usual reading of a 32-d embedding),
 * and says so wherever it is reported.
 */
public final class OldCouplingNet {
    public static final int INPUTS = 64;
    public static final int HIDDEN = 128;
    public static final int OUTPUTS = 32;

    private final TorchStateDict.Tensor w1;
    private final TorchStateDict.Tensor b1;
    private final TorchStateDict.Tensor w2;
    private final TorchStateDict.Tensor b2;

    private OldCouplingNet(TorchStateDict.Tensor w1, TorchStateDict.Tensor b1, TorchStateDict.Tensor w2,
            TorchStateDict.Tensor b2) {
        this.w1 = w1;
        this.b1 = b1;
        this.w2 = w2;
        this.b2 = b2;
    }

    public static OldCouplingNet load(Path pth) throws IOException {
        Map<String, TorchStateDict.Tensor> dict = TorchStateDict.read(pth);
        TorchStateDict.Tensor w1 = one(pth, dict, HIDDEN, INPUTS);
        TorchStateDict.Tensor w2 = one(pth, dict, OUTPUTS, HIDDEN);
        return new OldCouplingNet(w1, one(pth, dict, HIDDEN), w2, one(pth, dict, OUTPUTS));
    }

    private static TorchStateDict.Tensor one(Path pth, Map<String, TorchStateDict.Tensor> dict, int... shape)
            throws IOException {
        List<TorchStateDict.Tensor> found = new ArrayList<>();
        dict.values().forEach(t -> {
            if (java.util.Arrays.equals(t.shape(), shape)) {
                found.add(t);
            }
        });
        if (found.size() != 1) {
            throw new IOException(pth + ": expected one tensor of shape " + java.util.Arrays.toString(shape) + " (a "
                    + INPUTS + "→" + HIDDEN + "→" + OUTPUTS + " net), found " + found.size() + " among "
                    + TorchStateDict.describe(dict));
        }
        return found.get(0);
    }

    /** The 32 outputs for one preset's 64 features. */
    public float[] embed(float[] features) {
        if (features.length != INPUTS) {
            throw new IllegalArgumentException("the old net takes " + INPUTS + " features, not " + features.length);
        }
        float[] h = new float[HIDDEN];
        for (int j = 0; j < HIDDEN; j++) {
            double a = b1.values()[j];
            for (int i = 0; i < INPUTS; i++) {
                a += w1.values()[j * INPUTS + i] * features[i];
            }
            h[j] = (float) Math.max(0, a);
        }
        float[] out = new float[OUTPUTS];
        for (int k = 0; k < OUTPUTS; k++) {
            double a = b2.values()[k];
            for (int j = 0; j < HIDDEN; j++) {
                a += w2.values()[k * HIDDEN + j] * h[j];
            }
            out[k] = (float) a;
        }
        return out;
    }

    /** The pair's score: the cosine of the two presets' outputs (an assumption: the pairing rule is undocumented). */
    public double pairScore(float[] fgFeatures, float[] bgFeatures) {
        float[] u = embed(fgFeatures);
        float[] v = embed(bgFeatures);
        double dot = 0;
        double nu = 0;
        double nv = 0;
        for (int k = 0; k < OUTPUTS; k++) {
            dot += u[k] * v[k];
            nu += u[k] * u[k];
            nv += v[k] * v[k];
        }
        return nu == 0 || nv == 0 ? 0 : dot / Math.sqrt(nu * nv);
    }
}
