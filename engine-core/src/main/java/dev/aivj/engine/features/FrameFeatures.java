package dev.aivj.engine.features;

/**
 * Frame-level features of a song, one value per analysis frame (frame i is centred on i / frameRate seconds),
 * plus the log-mel spectrogram stored frame-major: logMel[i·melBands + b].
 */
public final class FrameFeatures {
    private final int frames;
    private final int melBands;
    private final float[] logMel;
    private final float[] rms;
    private final float[] centroidHz;
    private final float[] flux;
    private final float[] onset;
    private final float[] low;
    private final float[] mid;
    private final float[] high;

    public FrameFeatures(int frames, int melBands, float[] logMel, float[] rms, float[] centroidHz, float[] flux,
            float[] onset, float[] low, float[] mid, float[] high) {
        this.frames = frames;
        this.melBands = melBands;
        this.logMel = logMel;
        this.rms = rms;
        this.centroidHz = centroidHz;
        this.flux = flux;
        this.onset = onset;
        this.low = low;
        this.mid = mid;
        this.high = high;
    }

    public int frames() {
        return frames;
    }

    public int melBands() {
        return melBands;
    }

    public float[] logMel() {
        return logMel;
    }

    public float[] rms() {
        return rms;
    }

    public float[] centroidHz() {
        return centroidHz;
    }

    public float[] flux() {
        return flux;
    }

    public float[] onset() {
        return onset;
    }

    public float[] low() {
        return low;
    }

    public float[] mid() {
        return mid;
    }

    public float[] high() {
        return high;
    }
}
