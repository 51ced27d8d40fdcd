package dev.aivj.engine.model;

/**
 * One-layer unidirectional LSTM with PyTorch's (and so DJL's PyTorch engine's) gate order i, f, g, o:
 * <pre>
 *   [i f g o] = W_ih·x + W_hh·h + b        (b = b_ih + b_hh, summed at export)
 *   c' = σ(f)·c + σ(i)·tanh(g),   h' = σ(o)·tanh(c')
 * </pre>
 * The state (h, c), zero at the start of a song, is carried across streaming chunks.
 */
public final class Lstm {
    private final int in;
    private final int hidden;
    private final float[] wIh;
    private final float[] wHh;
    private final float[] bias;

    /**
     * @param weightIh [4·hidden][in], weightHh [4·hidden][hidden], bias [4·hidden], gate blocks in order i, f, g, o
     */
    public Lstm(int in, int hidden, float[] weightIh, float[] weightHh, float[] bias) {
        if (weightIh.length != 4 * hidden * in || weightHh.length != 4 * hidden * hidden || bias.length != 4 * hidden) {
            throw new IllegalArgumentException("lstm weights do not match in=" + in + " hidden=" + hidden);
        }
        this.in = in;
        this.hidden = hidden;
        this.wIh = weightIh.clone();
        this.wHh = weightHh.clone();
        this.bias = bias.clone();
    }

    public int inputSize() {
        return in;
    }

    public int outputSize() {
        return hidden;
    }

    /** State: h in [0, hidden), c in [hidden, 2·hidden), both zero. */
    public float[] newState() {
        return new float[2 * hidden];
    }

    public float[] forward(float[] x, int n, float[] state) {
        float[] y = new float[n * hidden];
        float[] gates = new float[4 * hidden];
        float[] h = new float[hidden];
        System.arraycopy(state, 0, h, 0, hidden);
        for (int t = 0; t < n; t++) {
            int xBase = t * in;
            for (int r = 0; r < 4 * hidden; r++) {
                float acc = bias[r];
                int a = r * in;
                for (int c = 0; c < in; c++) {
                    acc += wIh[a + c] * x[xBase + c];
                }
                int b = r * hidden;
                for (int c = 0; c < hidden; c++) {
                    acc += wHh[b + c] * h[c];
                }
                gates[r] = acc;
            }
            for (int j = 0; j < hidden; j++) {
                float i = Activations.sigmoid(gates[j]);
                float f = Activations.sigmoid(gates[hidden + j]);
                float g = Activations.tanh(gates[2 * hidden + j]);
                float o = Activations.sigmoid(gates[3 * hidden + j]);
                float cell = f * state[hidden + j] + i * g;
                state[hidden + j] = cell;
                h[j] = o * Activations.tanh(cell);
            }
            System.arraycopy(h, 0, y, t * hidden, hidden);
        }
        System.arraycopy(h, 0, state, 0, hidden);
        return y;
    }
}
