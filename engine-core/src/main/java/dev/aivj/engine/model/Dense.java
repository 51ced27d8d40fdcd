package dev.aivj.engine.model;

/** A fully connected layer applied to each frame: y = W·x + b with W stored [out][in] (PyTorch/DJL layout). */
public final class Dense {
    private final int in;
    private final int out;
    private final float[] w;
    private final float[] bias;

    public Dense(int in, int out, float[] weight, float[] bias) {
        if (weight.length != out * in || bias.length != out) {
            throw new IllegalArgumentException("dense weights do not match " + out + "x" + in);
        }
        this.in = in;
        this.out = out;
        this.w = weight.clone();
        this.bias = bias.clone();
    }

    public int inputSize() {
        return in;
    }

    public int outputSize() {
        return out;
    }

    public float[] forward(float[] x, int n) {
        float[] y = new float[n * out];
        for (int t = 0; t < n; t++) {
            for (int o = 0; o < out; o++) {
                float acc = bias[o];
                int a = o * in;
                for (int c = 0; c < in; c++) {
                    acc += w[a + c] * x[t * in + c];
                }
                y[t * out + o] = acc;
            }
        }
        return y;
    }
}
