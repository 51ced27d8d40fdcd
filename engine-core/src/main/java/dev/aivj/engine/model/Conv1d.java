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
        float[] ext = new float[(ctx + n) * in];
        System.arraycopy(context, 0, ext, 0, ctx * in);
        System.arraycopy(x, 0, ext, ctx * in, n * in);
        float[] y = new float[n * out];
        for (int t = 0; t < n; t++) {
            int xBase = t * in;
            for (int o = 0; o < out; o++) {
                float acc = bias[o];
                int wBase = o * kernel * in;
                int span = kernel * in;
                for (int i = 0; i < span; i++) {
                    acc += w[wBase + i] * ext[xBase + i];
                }
                y[t * out + o] = relu && acc < 0 ? 0f : acc;
            }
        }
        System.arraycopy(ext, n * in, context, 0, ctx * in);
        return y;
    }
}
