package dev.aivj.engine.presets;

import java.util.HashMap;
import java.util.Map;

/**
 * MilkDrop's default base values, by canonical name, for keys a preset leaves out. Source: {@code baseValsDefaults} in
 * jberg/milkdrop-preset-utils src/index.js (the converter behind butterchurn-presets), which mirrors
 * {@code CState::Default()} in MilkDrop 2's state.cpp. The converter drops every value equal to these defaults from
 * the JSON, so a butterchurn preset can only be read back with exactly this table.
 */
public final class BaseValueDefaults {
    private static final Map<String, Double> DEFAULTS = new HashMap<>();

    static {
        put("decay", 0.98);
        put("gammaadj", 2);
        put("echo_zoom", 2);
        put("echo_alpha", 0);
        put("echo_orient", 0);
        put("red_blue", 0);
        put("brighten", 0);
        put("darken", 0);
        put("wrap", 1);
        put("darken_center", 0);
        put("solarize", 0);
        put("invert", 0);
        put("fshader", 0);
        put("b1n", 0);
        put("b2n", 0);
        put("b3n", 0);
        put("b1x", 1);
        put("b2x", 1);
        put("b3x", 1);
        put("b1ed", 0.25);
        put("wave_mode", 0);
        put("additivewave", 0);
        put("wave_dots", 0);
        put("wave_thick", 0);
        put("wave_a", 0.8);
        put("wave_scale", 1);
        put("wave_smoothing", 0.75);
        put("wave_mystery", 0);
        put("modwavealphabyvolume", 0);
        put("modwavealphastart", 0.75);
        put("modwavealphaend", 0.95);
        put("wave_r", 1);
        put("wave_g", 1);
        put("wave_b", 1);
        put("wave_x", 0.5);
        put("wave_y", 0.5);
        put("wave_brighten", 1);
        put("mv_x", 12);
        put("mv_y", 9);
        put("mv_dx", 0);
        put("mv_dy", 0);
        put("mv_l", 0.9);
        put("mv_r", 1);
        put("mv_g", 1);
        put("mv_b", 1);
        put("mv_a", 1);
        put("warpanimspeed", 1);
        put("warpscale", 1);
        put("zoomexp", 1);
        put("zoom", 1);
        put("rot", 0);
        put("cx", 0.5);
        put("cy", 0.5);
        put("dx", 0);
        put("dy", 0);
        put("warp", 1);
        put("sx", 1);
        put("sy", 1);
        put("ob_size", 0.01);
        put("ob_r", 0);
        put("ob_g", 0);
        put("ob_b", 0);
        put("ob_a", 0);
        put("ib_size", 0.01);
        put("ib_r", 0.25);
        put("ib_g", 0.25);
        put("ib_b", 0.25);
        put("ib_a", 0);
    }

    private BaseValueDefaults() {
    }

    private static void put(String canonicalName, double value) {
        DEFAULTS.put(canonicalName, value);
    }

    /** The default of a base value (either spelling); NaN when MilkDrop defines none. */
    public static double of(String name) {
        Double d = DEFAULTS.get(BaseValueNames.canonical(name));
        return d != null ? d : Double.NaN;
    }

    /** True when MilkDrop defines a default for this name. */
    public static boolean has(String name) {
        return DEFAULTS.containsKey(BaseValueNames.canonical(name));
    }
}
