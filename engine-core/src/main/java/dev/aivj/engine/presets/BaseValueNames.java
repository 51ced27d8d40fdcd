package dev.aivj.engine.presets;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one table that maps a .milk base-value key (lower-cased, e.g. {@code fdecay}) to its canonical name, which is
 * the name butterchurn's converted presets use in {@code baseVals} (e.g. {@code decay}). Names that are the same in
 * both formats ({@code zoom}, {@code wave_r}, {@code ob_size}, ...) map to themselves. Taken from the variable map of
 * jberg/milkdrop-preset-utils (src/constants.js), the converter that produced butterchurn-presets.
 */
public final class BaseValueNames {
    private static final Map<String, String> CANONICAL = new HashMap<>();

    static {
        // .milk name -> butterchurn name, where they differ.
        alias("frating", "rating");
        alias("fgammaadj", "gammaadj");
        alias("fdecay", "decay");
        alias("fvideoechozoom", "echo_zoom");
        alias("fvideoechoalpha", "echo_alpha");
        alias("nvideoechoorientation", "echo_orient");
        alias("nwavemode", "wave_mode");
        alias("badditivewaves", "additivewave");
        alias("bwavedots", "wave_dots");
        alias("bwavethick", "wave_thick");
        alias("bmodwavealphabyvolume", "modwavealphabyvolume");
        alias("bmaximizewavecolor", "wave_brighten");
        alias("btexwrap", "wrap");
        alias("bdarkencenter", "darken_center");
        alias("bredbluestereo", "red_blue");
        alias("bbrighten", "brighten");
        alias("bdarken", "darken");
        alias("bsolarize", "solarize");
        alias("binvert", "invert");
        alias("fwavealpha", "wave_a");
        alias("fwavescale", "wave_scale");
        alias("fwavesmoothing", "wave_smoothing");
        alias("fwaveparam", "wave_mystery"); // per-frame equations call it wave_mystery
        alias("fmodwavealphastart", "modwavealphastart");
        alias("fmodwavealphaend", "modwavealphaend");
        alias("fwarpanimspeed", "warpanimspeed");
        alias("fwarpscale", "warpscale");
        alias("fzoomexponent", "zoomexp");
        alias("nmotionvectorsx", "mv_x"); // per-frame equations call it mv_x
        alias("nmotionvectorsy", "mv_y");
        // Same name in both formats.
        for (String same : new String[] {"fshader", "zoom", "rot", "cx", "cy", "dx", "dy", "warp", "sx", "sy",
                "wave_r", "wave_g", "wave_b", "wave_x", "wave_y", "ob_size", "ob_r", "ob_g", "ob_b", "ob_a",
                "ib_size", "ib_r", "ib_g", "ib_b", "ib_a", "mv_dx", "mv_dy", "mv_l", "mv_r", "mv_g", "mv_b", "mv_a",
                "b1n", "b2n", "b3n", "b1x", "b2x", "b3x", "b1ed", "bmotionvectorson"}) {
            alias(same, same);
        }
        // Canonical names resolve to themselves, so either spelling can be looked up.
        for (String canonical : new HashMap<>(CANONICAL).values()) {
            CANONICAL.put(canonical, canonical);
        }
    }

    private BaseValueNames() {
    }

    private static void alias(String milkName, String canonical) {
        CANONICAL.put(milkName, canonical);
    }

    /** The canonical name of a .milk or butterchurn base-value name (any case); unknown names come back lower-cased. */
    public static String canonical(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String c = CANONICAL.get(lower);
        return c != null ? c : lower;
    }

    /** True for a base-value name MilkDrop or butterchurn defines (either spelling, any case). */
    public static boolean isKnown(String name) {
        return CANONICAL.containsKey(name.toLowerCase(Locale.ROOT));
    }
}
