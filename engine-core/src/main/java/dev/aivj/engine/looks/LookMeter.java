package dev.aivj.engine.looks;

import java.util.ArrayList;
import java.util.List;

/**
 * Follows the frames a preset renders on reference audio (each with the audio energy fed for it) and sums them up
 * as a {@link MeasuredLook}. The thresholds that flag a preset:
 *
 * <ul>
 *   <li>blank: no frame has at least {@link #MIN_NON_BLACK} of its pixels brighter than
 *       {@link FrameMeasures#BLACK_LUMA} together with a luma standard deviation of at least {@link #MIN_LUMA_STD}
 *       (the same rule the preset status check used);</li>
 *   <li>frozen: mean motion below {@link #FROZEN_MOTION} luma levels per frame: the picture does not change.</li>
 * </ul>
 */
public final class LookMeter {
    public static final double MIN_NON_BLACK = 0.01;
    public static final double MIN_LUMA_STD = 1.0;
    public static final double FROZEN_MOTION = 0.05;
    /** Motion may follow the audio by up to this many frames (the renderers smooth bass/mid/treble). */
    public static final int MAX_LAG = 3;

    private final int width;
    private final int height;
    private final List<Double> motion = new ArrayList<>();
    private final List<Double> energy = new ArrayList<>();
    private final double[] hue = new double[FrameMeasures.HUE_BINS];
    private FrameMeasures previous;
    private int frames;
    private boolean shows;
    private double lumaSum;
    private double lumaMin = Double.MAX_VALUE;
    private double contrastSum;
    private double colourSum;
    private double colouredSum;
    private double edgeSum;

    public LookMeter(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /**
     * The look of {@code energies.length} frames stored back to back in {@code frames} (packed RGB, width×height
     * each), each with the audio energy fed for it: what the preset checker's page grabs, measured in one call.
     */
    public static MeasuredLook measure(byte[] frames, int width, int height, float[] energies) {
        int size = width * height * 3;
        if (energies.length < 2 || frames.length != (long) size * energies.length) {
            throw new IllegalArgumentException("look: " + energies.length + " frames of " + width + "x" + height
                    + " need " + (long) size * energies.length + " bytes, got " + frames.length);
        }
        LookMeter meter = new LookMeter(width, height);
        for (int f = 0; f < energies.length; f++) {
            meter.add(frames, f * size, energies[f]);
        }
        return meter.finish();
    }

    /** Adds the next frame (packed RGB at offset) and the energy (e.g. RMS) of the audio fed for it. */
    public void add(byte[] rgb, int offset, double audioEnergy) {
        FrameMeasures m = FrameMeasures.of(rgb, offset, width, height);
        frames++;
        lumaSum += m.lumaMean;
        lumaMin = Math.min(lumaMin, m.lumaMean);
        contrastSum += m.lumaStd;
        colourSum += m.colourfulness;
        colouredSum += m.colouredShare;
        edgeSum += m.edgeShare;
        shows |= m.nonBlackShare >= MIN_NON_BLACK && m.lumaStd >= MIN_LUMA_STD;
        for (int i = 0; i < hue.length; i++) {
            hue[i] += m.hueWeights[i];
        }
        if (previous != null) {
            motion.add(m.meanLumaDifference(previous));
            energy.add(audioEnergy);
        }
        previous = m;
    }

    public int frames() {
        return frames;
    }

    public MeasuredLook finish() {
        if (frames < 2) {
            throw new IllegalStateException("a look needs at least 2 frames, got " + frames);
        }
        float[] v = new float[MeasuredLook.LENGTH];
        double meanMotion = mean(motion);
        double colouredShare = colouredSum / frames;
        double dominant = dominantHueDegrees();
        v[0] = (float) (lumaSum / frames);
        v[1] = (float) lumaMin;
        v[2] = (float) (contrastSum / frames);
        v[3] = (float) meanMotion;
        v[4] = (float) (colourSum / frames);
        if (!Double.isNaN(dominant)) {
            v[5] = (float) (Math.cos(Math.toRadians(dominant)) * colouredShare);
            v[6] = (float) (Math.sin(Math.toRadians(dominant)) * colouredShare);
        }
        v[7] = (float) colouredShare;
        v[8] = (float) (edgeSum / frames);
        v[9] = (float) reactivity();
        v[MeasuredLook.BLANK] = shows ? 0 : 1;
        v[MeasuredLook.FROZEN] = meanMotion < FROZEN_MOTION ? 1 : 0;
        return new MeasuredLook(v, dominant);
    }

    /** Centre of the heaviest hue bin, or NaN when no pixel was coloured. */
    private double dominantHueDegrees() {
        int best = -1;
        for (int i = 0; i < hue.length; i++) {
            if (hue[i] > 0 && (best < 0 || hue[i] > hue[best])) {
                best = i;
            }
        }
        return best < 0 ? Double.NaN : (best + 0.5) * 360.0 / hue.length;
    }

    private double reactivity() {
        double best = 0;
        boolean any = false;
        for (int lag = 0; lag <= MAX_LAG && motion.size() - lag >= 3; lag++) {
            double r = pearson(motion, energy, lag);
            if (!Double.isNaN(r)) {
                best = any ? Math.max(best, r) : r;
                any = true;
            }
        }
        return best;
    }

    /** Correlation of y[t] with x[t − lag]; NaN when either series is constant. */
    static double pearson(List<Double> y, List<Double> x, int lag) {
        int n = y.size() - lag;
        double my = 0;
        double mx = 0;
        for (int t = 0; t < n; t++) {
            my += y.get(t + lag);
            mx += x.get(t);
        }
        my /= n;
        mx /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int t = 0; t < n; t++) {
            double dy = y.get(t + lag) - my;
            double dx = x.get(t) - mx;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx < 1e-12 || syy < 1e-12) {
            return Double.NaN;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    private static double mean(List<Double> xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return xs.isEmpty() ? 0 : s / xs.size();
    }
}
