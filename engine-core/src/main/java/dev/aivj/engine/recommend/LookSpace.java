package dev.aivj.engine.recommend;

/**
 * The shared feature space in which music and preset pairs meet: four axes, each 0..1.
 * <ul>
 *   <li>{@code motion}: for a pair, how much its layers move (measured frame difference); for music, its energy;</li>
 *   <li>{@code brightness}: mean luma; for music, the spectral centroid (brighter sound, brighter picture);</li>
 *   <li>{@code detail}: edge density; for music, onset density (busier rhythm, busier picture);</li>
 *   <li>{@code colour}: colourfulness; for music, the high band's share of the energy.</li>
 * </ul>
 * A pair's position comes from the preset library (percentiles of its presets' measured looks, written by the
 * library export); a section's from {@link SectionTarget}. Fit is the Euclidean distance between the two.
 */
public final class LookSpace {
    public static final String[] AXES = {"motion", "brightness", "detail", "colour"};
    public static final int DIMENSIONS = AXES.length;

    private LookSpace() {
    }

    public static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < DIMENSIONS; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
