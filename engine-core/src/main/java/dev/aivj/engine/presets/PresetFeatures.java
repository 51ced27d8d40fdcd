package dev.aivj.engine.presets;

import java.util.HashMap;
import java.util.Map;

/**
 * A preset as a fixed-length float vector for the pairing model. Layout version {@link #FEATURE_VERSION}; bump it
 * whenever a slot is added, removed, reordered or redefined, since stored vectors and trained weights depend on it.
 *
 * <p>Slots 0 .. {@link #BASE_SLOTS}-1 are base values, named by their canonical (butterchurn) names; a value the
 * preset leaves out takes MilkDrop's default ({@link BaseValueDefaults}), a non-finite one too, and values are clamped
 * to ±{@link #CLAMP} so the float vector stays finite. The remaining slots describe the code (see
 * {@link PresetStructure}): statement and operator counts of the per-frame, per-pixel, enabled-shape and enabled-wave
 * equations, the numbers of enabled shapes and waves, shader presence and size, and the MilkDrop 2 flag (0 or 1).
 * Counts are raw (not normalised). The base-value slots of a .milk preset and of butterchurn's conversion of the same
 * file agree; the code slots need not, because butterchurn stores equations as JavaScript and shaders as GLSL.
 */
public final class PresetFeatures {
    public static final int FEATURE_VERSION = 1;

    /** Largest magnitude a slot may hold; some presets carry absurd values such as 1e30. */
    public static final double CLAMP = 1e6;

    /** Base values, in slot order: feedback, wave, motion, borders, motion vectors, post-processing flags. */
    private static final String[] BASE_NAMES = {
        // feedback and video echo
        "decay", "gammaadj", "echo_zoom", "echo_alpha", "echo_orient",
        // the built-in waveform
        "wave_mode", "additivewave", "wave_dots", "wave_thick", "wave_a", "wave_scale", "wave_smoothing",
        "wave_mystery", "modwavealphabyvolume", "wave_brighten", "wave_r", "wave_g", "wave_b",
        // motion (the warp mesh)
        "zoom", "zoomexp", "rot", "warp", "warpanimspeed", "warpscale", "cx", "cy", "dx", "dy", "sx", "sy",
        // outer and inner borders
        "ob_size", "ob_r", "ob_g", "ob_b", "ob_a", "ib_size", "ib_r", "ib_g", "ib_b", "ib_a",
        // motion vectors
        "mv_x", "mv_y", "mv_l", "mv_r", "mv_g", "mv_b", "mv_a",
        // post-processing flags and texture wrap
        "brighten", "darken", "solarize", "invert", "darken_center", "wrap",
    };

    private static final String[] STRUCTURE_NAMES = {
        "per_frame_statements", "per_frame_operators", "per_pixel_statements", "per_pixel_operators",
        "shape_statements", "shape_operators", "wave_statements", "wave_operators",
        "enabled_shapes", "enabled_waves",
        "has_warp_shader", "has_comp_shader", "warp_shader_length", "comp_shader_length",
        "milkdrop2",
    };

    /** Number of base-value slots (they come first). */
    public static final int BASE_SLOTS = BASE_NAMES.length;

    /** Length of every vector. */
    public static final int LENGTH = BASE_NAMES.length + STRUCTURE_NAMES.length;

    private PresetFeatures() {
    }

    /** The name of each slot, in order; its length is {@link #LENGTH}. */
    public static String[] names() {
        String[] out = new String[LENGTH];
        System.arraycopy(BASE_NAMES, 0, out, 0, BASE_NAMES.length);
        System.arraycopy(STRUCTURE_NAMES, 0, out, BASE_NAMES.length, STRUCTURE_NAMES.length);
        return out;
    }

    /** The features of a parsed .milk preset. */
    public static float[] of(MilkPreset preset) {
        return ofBaseValues(preset.baseValues(), PresetStructure.of(preset));
    }

    /**
     * The features of base values in either spelling (butterchurn's {@code baseVals} such as "decay", "wave_a", or
     * .milk keys such as "fDecay", any case) plus the code description. Missing and null values take the defaults.
     */
    public static float[] ofBaseValues(Map<String, Double> baseVals, PresetStructure structure) {
        Map<String, Double> canonical = new HashMap<>();
        for (Map.Entry<String, Double> e : baseVals.entrySet()) {
            if (e.getKey() != null && e.getValue() != null) {
                canonical.put(BaseValueNames.canonical(e.getKey()), e.getValue());
            }
        }
        float[] v = new float[LENGTH];
        for (int i = 0; i < BASE_NAMES.length; i++) {
            Double value = canonical.get(BASE_NAMES[i]);
            double d = value == null || Double.isNaN(value) || Double.isInfinite(value)
                    ? BaseValueDefaults.of(BASE_NAMES[i]) : value;
            v[i] = (float) Math.max(-CLAMP, Math.min(CLAMP, d));
        }
        int s = BASE_NAMES.length;
        v[s++] = structure.perFrame().statements();
        v[s++] = structure.perFrame().operators();
        v[s++] = structure.perPixel().statements();
        v[s++] = structure.perPixel().operators();
        v[s++] = structure.shapes().statements();
        v[s++] = structure.shapes().operators();
        v[s++] = structure.waves().statements();
        v[s++] = structure.waves().operators();
        v[s++] = structure.enabledShapes();
        v[s++] = structure.enabledWaves();
        v[s++] = structure.warpLength() > 0 ? 1 : 0;
        v[s++] = structure.compLength() > 0 ? 1 : 0;
        v[s++] = structure.warpLength();
        v[s++] = structure.compLength();
        v[s] = structure.milkDrop2() ? 1 : 0;
        return v;
    }
}
