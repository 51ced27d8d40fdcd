package dev.aivj.engine.model;

/** Element-wise activations in float, computed through double-precision exp/tanh for accuracy. */
public final class Activations {
    private Activations() {
    }

    public static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }

    /**
     * tanh; |x| ≥ 20 gives ±1 directly (what Math.tanh returns there on HotSpot anyway). Needed for WebAssembly:
     * TeaVM 0.16's Math.tanh is (eˣ − e⁻ˣ)/(eˣ + eˣ⁻¹) and gives NaN once eˣ overflows (|x| > 709), which an LSTM
     * cell state can reach.
     */
    public static float tanh(float x) {
        if (x >= 20f) {
            return 1f;
        }
        if (x <= -20f) {
            return -1f;
        }
        return (float) Math.tanh(x);
    }

    public static void sigmoidInPlace(float[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = sigmoid(x[i]);
        }
    }

    /** Softmax of each row of {@code width} values, in place (max-subtracted for stability). */
    public static void softmaxRows(float[] x, int width) {
        for (int base = 0; base < x.length; base += width) {
            float max = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < width; i++) {
                max = Math.max(max, x[base + i]);
            }
            double sum = 0;
            for (int i = 0; i < width; i++) {
                double e = Math.exp(x[base + i] - max);
                x[base + i] = (float) e;
                sum += e;
            }
            for (int i = 0; i < width; i++) {
                x[base + i] = (float) (x[base + i] / sum);
            }
        }
    }
}
