package dev.aivj.engine.model;

/**
 * Streaming inference: push log-mel frames as they arrive (any chunk size, even 1 frame); each push returns the
 * output steps completed by it. Carries each conv's last kernel−1 input frames, each pool's partial window (the input's included) and
 * the LSTM's (h, c), so any chunking gives the same outputs as one whole-song push.
 */
public final class MusicModelStream {
    private final MusicModel model;
    private final float[] inputPoolState;
    private final float[][] convContext;
    private final float[][] poolState;
    private final float[] lstmState;
    private int stepsEmitted;
    private long framesPushed;

    MusicModelStream(MusicModel model) {
        this.model = model;
        inputPoolState = model.inputPool() == null ? null : model.inputPool().newState();
        int n = model.spec().convLayers();
        convContext = new float[n][];
        poolState = new float[n][];
        for (int i = 0; i < n; i++) {
            convContext[i] = model.conv(i).newContext();
            poolState[i] = model.pool(i) == null ? null : model.pool(i).newState();
        }
        lstmState = model.lstm().newState();
    }

    /** Pushes {@code frames} frame-major log-mel frames (dB, as FrameFeatures.logMel()) starting at {@code offset}. */
    public ModelOutput push(float[] logMel, int offset, int frames) {
        int bands = model.spec().melBands();
        if (frames < 0 || offset < 0 || offset + (long) frames * bands > logMel.length) {
            throw new IllegalArgumentException("push of " + frames + " frames at " + offset + " exceeds the "
                    + logMel.length + "-value array");
        }
        framesPushed += frames;
        float[] x = model.normalizer().normalize(logMel, offset, frames);
        int n = frames;
        if (inputPoolState != null) {
            x = model.inputPool().forward(x, n, inputPoolState);
            n = x.length / bands;
        }
        for (int i = 0; i < convContext.length; i++) {
            x = model.conv(i).forward(x, n, convContext[i]);
            if (poolState[i] != null) {
                x = model.pool(i).forward(x, n, poolState[i]);
                n = x.length / model.conv(i).outputSize();
            }
        }
        float[] h = model.lstm().forward(x, n, lstmState);
        float[] style = model.styleHead().forward(h, n);
        Activations.softmaxRows(style, model.spec().labelCount());
        float[] visual = model.visualHead().forward(h, n);
        Activations.sigmoidInPlace(visual);
        ModelOutput out = new ModelOutput(model.spec().labels(), stepsEmitted, n, model.stepSeconds(), style, visual);
        stepsEmitted += n;
        return out;
    }

    /** Pushes a whole frame-major chunk (length a multiple of the band count). */
    public ModelOutput push(float[] logMelChunk) {
        int bands = model.spec().melBands();
        if (logMelChunk.length % bands != 0) {
            throw new IllegalArgumentException("chunk length " + logMelChunk.length + " is not a multiple of "
                    + bands + " bands");
        }
        return push(logMelChunk, 0, logMelChunk.length / bands);
    }

    public int stepsEmitted() {
        return stepsEmitted;
    }

    public long framesPushed() {
        return framesPushed;
    }
}
