package dev.aivj.engine.model;

/**
 * Causal 1-D convolution over time with the feature axis as channels, optionally followed by ReLU. Batch norm
 * is already folded into the weights and bias at export. Output frame t sees input frames t−k+1 … t; before the
 * first frame the input is zero (in normalised units). The k−1 most recent input frames are the streaming
 * context carried from one chunk to the next, so chunked and whole-song runs agree.
 */
public final class Conv1d {
    private final int in;
    private final int out;
    private final int kernel;
    private final boolean relu;
    /** Weights reordered to [out][kernel][in] so the inner loop walks one frame-major input frame. */
    private final float[] w;
    private final float[] bias;

    /**
     * @param torchWeight PyTorch/DJL layout [out][in][kernel]
     */
    public Conv1d(int in, int out, int kernel, float[] torchWeight, float[] bias, boolean relu) {
        if (torchWeight.length != out * in * kernel || bias.length != out) {
            throw new IllegalArgumentException("conv1d weights do not match " + out + "x" + in + "x" + kernel);
        }
        this.in = in;
        this.out = out;
        this.kernel = kernel;
        this.relu = relu;
        this.bias = bias.clone();
        this.w = new float[torchWeight.length];
        for (int o = 0; o < out; o++) {
            for (int c = 0; c < in; c++) {
                for (int j = 0; j < kernel; j++) {
                    w[(o * kernel + j) * in + c] = torchWeight[(o * in + c) * kernel + j];
                }
            }
        }
    }

    public int inputSize() {
        return in;
    }

    public int outputSize() {
        return out;
    }

    /** A fresh (all-zero) left context of kernel−1 frames. */
    public float[] newContext() {
        return new float[(kernel - 1) * in];
    }

    /** Convolves n frame-major frames, updating {@code context} to the last kernel−1 input frames. */
    public float[] forward(float[] x, int n, float[] context) {
        int ctx = kernel - 1;
        float[] y = new float[n * out];
        // The first kernel−1 outputs see the context: only they need a joined copy of context and input.
        int head = Math.min(n, ctx);
        float[] joined = new float[(ctx + head) * in];
        System.arraycopy(context, 0, joined, 0, ctx * in);
        System.arraycopy(x, 0, joined, ctx * in, head * in);
        for (int t = 0; t < head; t++) {
            frame(joined, t * in, y, t * out);
        }
        int t = head;
        for (; t + 2 <= n && out % 4 == 0; t += 2) {
            framePair(x, (t - ctx) * in, y, t * out);
        }
        for (; t < n; t++) {
            frame(x, (t - ctx) * in, y, t * out);
        }
        updateContext(x, n, context);
        return y;
    }

    /** One output frame from the kernel·in window starting at {@code src[from]}. */
    private void frame(float[] src, int from, float[] y, int to) {
        int span = kernel * in;
        int o = 0;
        // Four output channels per pass over the window: each input value loaded feeds four multiply-adds.
        for (; o + 4 <= out; o += 4) {
            int w0 = o * span;
            int w1 = w0 + span;
            int w2 = w1 + span;
            int w3 = w2 + span;
            float a0 = bias[o];
            float a1 = bias[o + 1];
            float a2 = bias[o + 2];
            float a3 = bias[o + 3];
            for (int i = 0; i < span; i++) {
                float v = src[from + i];
                a0 += w[w0 + i] * v;
                a1 += w[w1 + i] * v;
                a2 += w[w2 + i] * v;
                a3 += w[w3 + i] * v;
            }
            y[to + o] = activate(a0);
            y[to + o + 1] = activate(a1);
            y[to + o + 2] = activate(a2);
            y[to + o + 3] = activate(a3);
        }
        for (; o < out; o++) {
            int w0 = o * span;
            float a = bias[o];
            for (int i = 0; i < span; i++) {
                a += w[w0 + i] * src[from + i];
            }
            y[to + o] = activate(a);
        }
    }

    /** Output frames t and t+1 (windows {@code in} apart): each weight loaded feeds two multiply-adds too. */
    private void framePair(float[] src, int from, float[] y, int to) {
        int span = kernel * in;
        int from2 = from + in;
        int to2 = to + out;
        for (int o = 0; o < out; o += 4) {
            int w0 = o * span;
            int w1 = w0 + span;
            int w2 = w1 + span;
            int w3 = w2 + span;
            float a0 = bias[o];
            float a1 = bias[o + 1];
            float a2 = bias[o + 2];
            float a3 = bias[o + 3];
            float b0 = a0;
            float b1 = a1;
            float b2 = a2;
            float b3 = a3;
            for (int i = 0; i < span; i++) {
                float u = src[from + i];
                float v = src[from2 + i];
                float k0 = w[w0 + i];
                float k1 = w[w1 + i];
                float k2 = w[w2 + i];
                float k3 = w[w3 + i];
                a0 += k0 * u;
                a1 += k1 * u;
                a2 += k2 * u;
                a3 += k3 * u;
                b0 += k0 * v;
                b1 += k1 * v;
                b2 += k2 * v;
                b3 += k3 * v;
            }
            y[to + o] = activate(a0);
            y[to + o + 1] = activate(a1);
            y[to + o + 2] = activate(a2);
            y[to + o + 3] = activate(a3);
            y[to2 + o] = activate(b0);
            y[to2 + o + 1] = activate(b1);
            y[to2 + o + 2] = activate(b2);
            y[to2 + o + 3] = activate(b3);
        }
    }

    private float activate(float v) {
        return relu && v < 0 ? 0f : v;
    }

    /** The context becomes the last kernel−1 frames of (old context, x). */
    private void updateContext(float[] x, int n, float[] context) {
        int ctx = kernel - 1;
        int fromX = Math.min(n, ctx);
        int keep = ctx - fromX;
        System.arraycopy(context, (ctx - keep) * in, context, 0, keep * in);
        System.arraycopy(x, (n - fromX) * in, context, keep * in, fromX * in);
    }
}
