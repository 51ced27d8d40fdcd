package dev.aivj.engine.looks;

import dev.aivj.engine.presets.PresetFeatures;

/**
 * A preset as one fixed-length vector: its parsed features ({@link PresetFeatures}: base values and equation
 * complexity) followed by its measured look ({@link MeasuredLook}). {@link #VERSION} names both layouts, so a stored
 * vector of another layout is recognised as stale.
 */
public final class PresetVector {
    public static final String VERSION = "features" + PresetFeatures.FEATURE_VERSION + "+look" + MeasuredLook.LOOK_VERSION;
    public static final int LENGTH = PresetFeatures.LENGTH + MeasuredLook.LENGTH;

    private PresetVector() {
    }

    public static String[] names() {
        String[] out = new String[LENGTH];
        System.arraycopy(PresetFeatures.names(), 0, out, 0, PresetFeatures.LENGTH);
        System.arraycopy(MeasuredLook.names(), 0, out, PresetFeatures.LENGTH, MeasuredLook.LENGTH);
        return out;
    }

    public static float[] of(float[] parsed, MeasuredLook look) {
        if (parsed.length != PresetFeatures.LENGTH) {
            throw new IllegalArgumentException("parsed features have " + PresetFeatures.LENGTH + " slots, got "
                    + parsed.length);
        }
        float[] out = new float[LENGTH];
        System.arraycopy(parsed, 0, out, 0, PresetFeatures.LENGTH);
        System.arraycopy(look.vector(), 0, out, PresetFeatures.LENGTH, MeasuredLook.LENGTH);
        return out;
    }
}
