package dev.aivj.engine.recommend;

import dev.aivj.engine.features.FrameFeatures;

/**
 * The look a stretch of music asks for, in {@link LookSpace} (each axis 0..1, clamped):
 * <ul>
 *   <li>motion = (mean RMS in dBFS + 40) / 30: −40 dB → 0, −10 dB → 1;</li>
 *   <li>brightness = (mean spectral centroid − 500 Hz) / 3500 Hz;</li>
 *   <li>detail = mean onset strength ÷ the song's 95th-percentile onset strength (busier than the song's usual →
 *       more detail);</li>
 *   <li>colour = 3 × the high band's share of low + mid + high amplitude.</li>
 * </ul>
 */
public final class SectionTarget {
    private SectionTarget() {
    }

    public static double[] of(FrameFeatures f, int from, int to, double onsetP95) {
        double db = 0;
        double centroid = 0;
        double onset = 0;
        double highShare = 0;
        int n = Math.max(1, to - from);
        for (int i = from; i < to; i++) {
            db += 20 * Math.log10(Math.max(1e-6, f.rms()[i]));
            centroid += f.centroidHz()[i];
            onset += f.onset()[i];
            double sum = f.low()[i] + f.mid()[i] + f.high()[i];
            highShare += sum > 0 ? f.high()[i] / sum : 0;
        }
        return new double[] {
            clamp((db / n + 40) / 30),
            clamp((centroid / n - 500) / 3500),
            onsetP95 > 0 ? clamp(onset / n / onsetP95) : 0,
            clamp(3 * highShare / n),
        };
    }

    /** The 95th percentile of the song's onset strength (the scale of the detail axis). */
    public static double onsetP95(FrameFeatures f) {
        float[] o = f.onset().clone();
        java.util.Arrays.sort(o);
        return o.length == 0 ? 0 : o[Math.min(o.length - 1, (int) Math.floor(0.95 * (o.length - 1)))];
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
