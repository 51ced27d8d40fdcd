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
        int rows = 4 * hidden;
        // Input terms of every step at once (no step depends on them); each step then adds only W_hh·h.
        float[] gates = new float[n * rows];
        for (int t = 0; t < n; t++) {
            multiplyAdd(wIh, bias, in, x, t * in, gates, t * rows);
        }
        float[] y = new float[n * hidden];
        float[] h = new float[hidden];
        System.arraycopy(state, 0, h, 0, hidden);
        for (int t = 0; t < n; t++) {
            int g0 = t * rows;
            multiplyAdd(wHh, gates, hidden, h, 0, gates, g0);
            for (int j = 0; j < hidden; j++) {
                float i = Activations.sigmoid(gates[g0 + j]);
                float f = Activations.sigmoid(gates[g0 + hidden + j]);
                float g = Activations.tanh(gates[g0 + 2 * hidden + j]);
                float o = Activations.sigmoid(gates[g0 + 3 * hidden + j]);
                float cell = f * state[hidden + j] + i * g;
                state[hidden + j] = cell;
                h[j] = o * Activations.tanh(cell);
            }
            System.arraycopy(h, 0, y, t * hidden, hidden);
        }
        System.arraycopy(h, 0, state, 0, hidden);
        return y;
    }

    /**
     * out[to+r] = start[r'] + Σ_c m[r][c]·v[from+c] for the 4·hidden rows r of m (row length {@code cols}), where
     * start is {@code bias} (r' = r) or the gate values themselves (start == out, r' = to+r).
     */
    private void multiplyAdd(float[] m, float[] start, int cols, float[] v, int from, float[] out, int to) {
        int rows = 4 * hidden;
        int s0 = start == out ? to : 0;
        // Four rows per pass over v: each value of v loaded feeds four multiply-adds.
        for (int r = 0; r < rows; r += 4) {
            int m0 = r * cols;
            int m1 = m0 + cols;
            int m2 = m1 + cols;
            int m3 = m2 + cols;
            float a0 = start[s0 + r];
            float a1 = start[s0 + r + 1];
            float a2 = start[s0 + r + 2];
            float a3 = start[s0 + r + 3];
            for (int c = 0; c < cols; c++) {
                float e = v[from + c];
                a0 += m[m0 + c] * e;
                a1 += m[m1 + c] * e;
                a2 += m[m2 + c] * e;
                a3 += m[m3 + c] * e;
            }
            out[to + r] = a0;
            out[to + r + 1] = a1;
            out[to + r + 2] = a2;
            out[to + r + 3] = a3;
        }
    }
}
