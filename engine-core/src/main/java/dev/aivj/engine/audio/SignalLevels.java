package dev.aivj.engine.audio;

/** Level facts of the mono input measured before any processing: DC offset and the share of clipped samples. */
public final class SignalLevels {
    /** Samples at or above this magnitude count as clipped. */
    static final float CLIP_LEVEL = 0.999f;

    private final double dcOffset;
    private final double clippedRatio;

    private SignalLevels(double dcOffset, double clippedRatio) {
        this.dcOffset = dcOffset;
        this.clippedRatio = clippedRatio;
    }

    public static SignalLevels measure(float[] mono) {
        double sum = 0;
        long clipped = 0;
        for (float s : mono) {
            sum += s;
            if (Math.abs(s) >= CLIP_LEVEL) {
                clipped++;
            }
        }
        return new SignalLevels(sum / mono.length, (double) clipped / mono.length);
    }

    /** Subtracts the DC offset in place: it is inaudible, but its edges would read as onsets. */
    public void removeDc(float[] mono) {
        float dc = (float) dcOffset;
        for (int i = 0; i < mono.length; i++) {
            mono[i] -= dc;
        }
    }

    public double dcOffset() {
        return dcOffset;
    }

    public double clippedRatio() {
        return clippedRatio;
    }
}
