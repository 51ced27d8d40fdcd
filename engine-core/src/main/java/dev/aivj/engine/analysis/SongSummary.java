package dev.aivj.engine.analysis;

import dev.aivj.engine.audio.SignalLevels;
import dev.aivj.engine.features.FrameFeatures;

/** Whole-song statistics over the frame features and the signal. */
public final class SongSummary {
    /** Below this RMS (−80 dBFS) a song counts as silent. */
    static final double SILENCE_RMS = 1e-4;

    private final double rmsMean;
    private final double rmsMax;
    private final double centroidMeanHz;
    private final double lowMean;
    private final double midMean;
    private final double highMean;
    private final double onsetMean;
    private final double fluxMean;
    private final double dcOffset;
    private final double clippedRatio;

    private SongSummary(double[] v) {
        rmsMean = v[0];
        rmsMax = v[1];
        centroidMeanHz = v[2];
        lowMean = v[3];
        midMean = v[4];
        highMean = v[5];
        onsetMean = v[6];
        fluxMean = v[7];
        dcOffset = v[8];
        clippedRatio = v[9];
    }

    public static SongSummary of(FrameFeatures f, SignalLevels levels) {
        return new SongSummary(new double[] {mean(f.rms()), max(f.rms()), mean(f.centroidHz()), mean(f.low()),
                mean(f.mid()), mean(f.high()), mean(f.onset()), mean(f.flux()), levels.dcOffset(),
                levels.clippedRatio()});
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    private static double max(float[] values) {
        double m = 0;
        for (float v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    public boolean silent() {
        return rmsMax < SILENCE_RMS;
    }

    public double rmsMean() {
        return rmsMean;
    }

    public double rmsMax() {
        return rmsMax;
    }

    public double centroidMeanHz() {
        return centroidMeanHz;
    }

    public double lowMean() {
        return lowMean;
    }

    public double midMean() {
        return midMean;
    }

    public double highMean() {
        return highMean;
    }

    public double onsetMean() {
        return onsetMean;
    }

    public double fluxMean() {
        return fluxMean;
    }

    public double dcOffset() {
        return dcOffset;
    }

    public double clippedRatio() {
        return clippedRatio;
    }
}
