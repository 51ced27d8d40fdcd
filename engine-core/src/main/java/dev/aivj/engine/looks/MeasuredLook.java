package dev.aivj.engine.looks;

/**
 * A preset's measured look as a fixed-length vector, layout version {@link #LOOK_VERSION} (bump it whenever a slot
 * is added, removed, reordered or redefined: stored looks and trained weights depend on it). Slots, in order:
 *
 * <ol start="0">
 *   <li>luma_mean: mean frame luma, 0..255;</li>
 *   <li>luma_min: the darkest frame's mean luma, 0..255;</li>
 *   <li>luma_contrast: mean spatial standard deviation of luma, 0..~128;</li>
 *   <li>motion: mean absolute luma difference between consecutive frames, 0..255;</li>
 *   <li>colourfulness: mean Hasler–Süsstrunk colourfulness (see {@link FrameMeasures});</li>
 *   <li>hue_x, hue_y: the dominant hue as a point on the colour wheel, cos/sin of its angle times the
 *       coloured share (so a grey preset sits at the centre and hue distances are Euclidean);</li>
 *   <li>coloured_share: mean share of pixels with chroma of at least {@link FrameMeasures#MIN_CHROMA};</li>
 *   <li>edge_density: mean share of Sobel edge pixels, 0..1;</li>
 *   <li>audio_reactivity: the largest Pearson correlation, over lags of 0..{@link LookMeter#MAX_LAG} frames,
 *       between motion and the audio energy fed, −1..1 (0 when either does not vary);</li>
 *   <li>blank, frozen, broken: 0 or 1 (see {@link LookMeter}); a broken preset has every other slot 0.</li>
 * </ol>
 */
public final class MeasuredLook {
    public static final int LOOK_VERSION = 1;
    private static final String[] NAMES = {
        "luma_mean", "luma_min", "luma_contrast", "motion", "colourfulness", "hue_x", "hue_y", "coloured_share",
        "edge_density", "audio_reactivity", "blank", "frozen", "broken",
    };
    public static final int LENGTH = NAMES.length;
    public static final int BLANK = 10;
    public static final int FROZEN = 11;
    public static final int BROKEN = 12;

    private final float[] values;
    private final double dominantHueDegrees;

    MeasuredLook(float[] values, double dominantHueDegrees) {
        this.values = values;
        this.dominantHueDegrees = dominantHueDegrees;
    }

    /** The look of a preset that could not be rendered (parse or shader failure, hang). */
    public static MeasuredLook ofBrokenPreset() {
        float[] v = new float[LENGTH];
        v[BROKEN] = 1;
        return new MeasuredLook(v, Double.NaN);
    }

    /** A stored vector, checked for length and finiteness. */
    public static MeasuredLook of(float[] vector) {
        if (vector.length != LENGTH) {
            throw new IllegalArgumentException("a measured look has " + LENGTH + " slots (version " + LOOK_VERSION
                    + "), got " + vector.length);
        }
        for (int i = 0; i < LENGTH; i++) {
            if (!Float.isFinite(vector[i])) {
                throw new IllegalArgumentException("measured look slot " + NAMES[i] + " is not finite: " + vector[i]);
            }
        }
        double hue = Math.toDegrees(Math.atan2(vector[6], vector[5]));
        return new MeasuredLook(vector.clone(), vector[5] == 0 && vector[6] == 0 ? Double.NaN : (hue + 360) % 360);
    }

    public static String[] names() {
        return NAMES.clone();
    }

    public float[] vector() {
        return values.clone();
    }

    public float get(int slot) {
        return values[slot];
    }

    /** Hue of the strongest colour, 0..360 degrees, or NaN when no pixel was coloured. */
    public double dominantHueDegrees() {
        return dominantHueDegrees;
    }

    public boolean blank() {
        return values[BLANK] != 0;
    }

    public boolean frozen() {
        return values[FROZEN] != 0;
    }

    public boolean broken() {
        return values[BROKEN] != 0;
    }

    /** True when the preset may be recommended: it renders, shows something and moves. */
    public boolean usable() {
        return !broken() && !blank() && !frozen();
    }
}
