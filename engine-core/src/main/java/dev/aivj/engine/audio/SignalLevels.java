package dev.aivj.engine.audio;

/** Level facts of the mono input measured before any processing: DC offset and the share of clipped samples. */
public final class SignalLevels {
    /** Samples at or above this magnitude count as clipped. */
    static final float CLIP_LEVEL = 0.999f;
    /**
     * Samples per call of the inner loops: V8 has no on-stack replacement for Wasm, so a loop over a whole song in
     * one call would keep its first, unoptimised code; short calls get the optimised code once it is ready.
     */
    static final int BLOCK = 1 << 16;

    private final double dcOffset;
    private final double clippedRatio;

    private SignalLevels(double dcOffset, double clippedRatio) {
        this.dcOffset = dcOffset;
        this.clippedRatio = clippedRatio;
    }

    public static SignalLevels measure(float[] mono) {
        double sum = 0;
        long clipped = 0;
        for (int from = 0; from < mono.length; from += BLOCK) {
            int to = Math.min(mono.length, from + BLOCK);
            sum = addSamples(mono, from, to, sum);
            clipped += countClipped(mono, from, to);
        }
        return new SignalLevels(sum / mono.length, (double) clipped / mono.length);
    }

    private static double addSamples(float[] mono, int from, int to, double sum) {
        for (int i = from; i < to; i++) {
            sum += mono[i];
        }
        return sum;
    }

    private static int countClipped(float[] mono, int from, int to) {
        int clipped = 0;
        for (int i = from; i < to; i++) {
            if (Math.abs(mono[i]) >= CLIP_LEVEL) {
                clipped++;
            }
        }
        return clipped;
    }

    /** Subtracts the DC offset in place: it is inaudible, but its edges would read as onsets. */
    public void removeDc(float[] mono) {
        float dc = (float) dcOffset;
        for (int from = 0; from < mono.length; from += BLOCK) {
            subtract(mono, from, Math.min(mono.length, from + BLOCK), dc);
        }
    }

    private static void subtract(float[] mono, int from, int to, float dc) {
        for (int i = from; i < to; i++) {
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
