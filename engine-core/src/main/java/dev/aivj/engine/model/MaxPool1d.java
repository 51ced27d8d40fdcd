package dev.aivj.engine.model;

/**
 * Non-overlapping max pooling over time (window = stride = size, trailing partial window dropped, like
 * PyTorch's floor mode). In streaming, a partial window waits in the state until the next chunk completes it.
 */
public final class MaxPool1d {
    private final int channels;
    private final int size;

    public MaxPool1d(int channels, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be positive");
        }
        this.channels = channels;
        this.size = size;
    }

    public int size() {
        return size;
    }

    /** State: [channels] running maxima, then the count of frames already in the window at index channels. */
    public float[] newState() {
        return new float[channels + 1];
    }

    public float[] forward(float[] x, int n, float[] state) {
        int pending = (int) state[channels];
        int outFrames = (pending + n) / size;
        float[] y = new float[outFrames * channels];
        int emitted = 0;
        for (int t = 0; t < n; t++) {
            int base = t * channels;
            if (pending == 0) {
                System.arraycopy(x, base, state, 0, channels);
            } else {
                for (int c = 0; c < channels; c++) {
                    float v = x[base + c];
                    if (v > state[c] || v != v) {
                        state[c] = v;
                    }
                }
            }
            pending++;
            if (pending == size) {
                System.arraycopy(state, 0, y, emitted * channels, channels);
                emitted++;
                pending = 0;
            }
        }
        state[channels] = pending;
        return y;
    }
}
