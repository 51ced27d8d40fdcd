package dev.aivj.bench.onnx;

import dev.aivj.engine.model.ModelBundle;
import dev.aivj.engine.model.MusicModelSpec;
import java.util.List;

/**
 * The engine's music network (aivj-conv-lstm-v1) as an ONNX model, from its bundle, so ONNX Runtime Web can run
 * the very same weights in the bench. Layer semantics follow engine-core's model package:
 * <pre>
 *   logmel [1, T, bands] → Sub mean, Div std → Transpose [1, bands, T]
 *   → MaxPool (input pool; kernel = stride, floor: a trailing partial window is dropped)
 *   → per conv: Conv with pads [k−1, 0] (causal: k−1 zero frames in front, in normalised units) → Relu → MaxPool
 *   → Transpose [T', 1, C] → LSTM (forward, zero initial state) → Squeeze → Transpose [1, T', h]
 *   → style: MatMul + Add → Softmax(−1);  visual: MatMul + Add → Sigmoid
 * </pre>
 * The causal padding is Conv's own asymmetric {@code pads} rather than a Pad node: the same zeros, one node
 * fewer for the runtime.
 */
public final class OnnxModelWriter {
    public static final String INPUT = "logmel";
    public static final String STYLE = "style";
    public static final String VISUAL = "visual";

    private OnnxModelWriter() {
    }

    /** The ONNX ModelProto bytes of the bundle's network (the bundle is already checked by {@link ModelBundle#load}). */
    public static byte[] write(ModelBundle bundle) {
        MusicModelSpec spec = MusicModelSpec.fromJson(bundle.manifest().get("model"));
        OnnxGraph g = new OnnxGraph("aivj-music-v1");
        int bands = spec.melBands();
        g.input(INPUT, 1, "frames", bands);

        String x = g.node("Sub", null, List.of(INPUT, g.floats("input.mean", t(bundle, spec, MusicModelSpec.INPUT_MEAN), bands)));
        x = g.node("Div", null, List.of(x, g.floats("input.std", t(bundle, spec, MusicModelSpec.INPUT_STD), bands)));
        // ONNX Conv and MaxPool want channels first: [N, C, T].
        x = g.node("Transpose", null, List.of(x), "perm", new long[] {0, 2, 1});
        x = maxPool(g, x, spec.inputPool());
        for (int i = 0; i < spec.convLayers(); i++) {
            int k = spec.convKernel(i);
            int out = spec.convChannels(i);
            // torch's Conv1d weight [out][in][k] is ONNX's W layout as it is.
            String w = g.floats(MusicModelSpec.convWeight(i), t(bundle, spec, MusicModelSpec.convWeight(i)), out,
                    spec.convInput(i), k);
            String b = g.floats(MusicModelSpec.convBias(i), t(bundle, spec, MusicModelSpec.convBias(i)), out);
            x = g.node("Conv", null, List.of(x, w, b), "kernel_shape", new long[] {k}, "pads", new long[] {k - 1, 0});
            x = g.node("Relu", null, List.of(x));
            x = maxPool(g, x, spec.poolSize(i));
        }
        x = lstm(g, bundle, spec, x);
        head(g, bundle, spec, x, STYLE, MusicModelSpec.STYLE_WEIGHT, MusicModelSpec.STYLE_BIAS, spec.labelCount(),
                "Softmax");
        head(g, bundle, spec, x, VISUAL, MusicModelSpec.VISUAL_WEIGHT, MusicModelSpec.VISUAL_BIAS,
                spec.visualCount(), "Sigmoid");
        return g.toModel("aivj bench (dev.aivj.bench.onnx.OnnxModelWriter)",
                MusicModelSpec.ARCHITECTURE + ": " + spec.summary());
    }

    private static String maxPool(OnnxGraph g, String x, int size) {
        return size > 1 ? g.node("MaxPool", null, List.of(x), "kernel_shape", new long[] {size}, "strides",
                new long[] {size}) : x;
    }

    /**
     * [1, C, T'] → LSTM → [1, T', h]. ONNX's gate blocks are i, o, f, c where the bundle's (PyTorch's) are
     * i, f, g, o; ONNX's bias is [Wb; Rb] and only their sum matters, so the bundle's summed bias goes in Wb and
     * zeros in Rb.
     */
    private static String lstm(OnnxGraph g, ModelBundle bundle, MusicModelSpec spec, String x) {
        int h = spec.lstmHidden();
        int in = spec.lstmInput();
        String w = g.floats("lstm.W", onnxGateOrder(t(bundle, spec, MusicModelSpec.LSTM_WEIGHT_IH), h, in), 1, 4L * h, in);
        String r = g.floats("lstm.R", onnxGateOrder(t(bundle, spec, MusicModelSpec.LSTM_WEIGHT_HH), h, h), 1, 4L * h, h);
        float[] bias = new float[8 * h];
        System.arraycopy(onnxGateOrder(t(bundle, spec, MusicModelSpec.LSTM_BIAS), h, 1), 0, bias, 0, 4 * h);
        String b = g.floats("lstm.B", bias, 1, 8L * h);
        // ONNX LSTM's layout 0 is [seq, batch, input].
        String seq = g.node("Transpose", null, List.of(x), "perm", new long[] {2, 0, 1});
        String y = g.node("LSTM", null, List.of(seq, w, r, b), "hidden_size", h);
        // Y is [seq, directions = 1, batch = 1, h].
        String squeezed = g.node("Squeeze", null, List.of(y, g.int64s("squeeze.axes", 1)));
        return g.node("Transpose", null, List.of(squeezed), "perm", new long[] {1, 0, 2});
    }

    /** PyTorch gate blocks i, f, g, o (rows of {@code cols} values, {@code h} rows each) → ONNX's i, o, f, c. */
    static float[] onnxGateOrder(float[] torch, int h, int cols) {
        int[] fromTorchBlock = {0, 3, 1, 2};
        int block = h * cols;
        float[] out = new float[torch.length];
        for (int b = 0; b < 4; b++) {
            System.arraycopy(torch, fromTorchBlock[b] * block, out, b * block, block);
        }
        return out;
    }

    /** A per-step dense head: torch's [out][in] weight transposed to MatMul's [in][out]. */
    private static void head(OnnxGraph g, ModelBundle bundle, MusicModelSpec spec, String x, String name,
            String weight, String biasName, int out, String activation) {
        int in = spec.lstmHidden();
        float[] torch = t(bundle, spec, weight);
        float[] w = new float[torch.length];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                w[i * out + o] = torch[o * in + i];
            }
        }
        String y = g.node("MatMul", null, List.of(x, g.floats(weight, w, in, out)));
        y = g.node("Add", null, List.of(y, g.floats(biasName, t(bundle, spec, biasName), out)));
        if (activation.equals("Softmax")) {
            g.node(activation, name, List.of(y), "axis", -1L);
        } else {
            g.node(activation, name, List.of(y));
        }
        g.output(name, 1, "steps", out);
    }

    private static float[] t(ModelBundle bundle, MusicModelSpec spec, String name) {
        return bundle.tensor(name, spec.shapeOf(name));
    }
}
