package dev.aivj.engine.model;

/**
 * The music model's visual-parameter vector: the ONE place where its entries, order, ranges and meanings are
 * defined. A model bundle lists these names in this order (manifest {@code model.visualParameters}); the loader
 * refuses a bundle whose list differs, so changing this list means retraining and re-exporting.
 *
 * <table>
 *   <caption>Visual parameters (network output u in 0..1, value = min + u·(max − min))</caption>
 *   <tr><th>#</th><th>name</th><th>range</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>layerAOpacity</td><td>0..1</td><td>opacity of MilkDrop layer A</td></tr>
 *   <tr><td>1</td><td>layerBOpacity</td><td>0..1</td><td>opacity of MilkDrop layer B</td></tr>
 *   <tr><td>2</td><td>blend</td><td>0..1</td><td>cross-fade position A→B (0 all A, 1 all B)</td></tr>
 *   <tr><td>3</td><td>warpPulse</td><td>0..2</td><td>extra warp amount added on each beat</td></tr>
 *   <tr><td>4</td><td>zoomPulse</td><td>0..0.1</td><td>zoom increment added on each beat</td></tr>
 *   <tr><td>5</td><td>hueShift</td><td>−180..180 °</td><td>global hue rotation of the mix</td></tr>
 *   <tr><td>6</td><td>cutRate</td><td>0..12 /min</td><td>preset changes per minute</td></tr>
 *   <tr><td>7</td><td>spatialWeight</td><td>0..1</td><td>w_s: weight of preset-feature (spatial) similarity in preset choice</td></tr>
 *   <tr><td>8</td><td>temporalWeight</td><td>0..1</td><td>w_t: weight of temporal continuity with the current preset in preset choice</td></tr>
 * </table>
 */
public final class VisualParameters {
    private static final VisualParameter[] ALL = {
        new VisualParameter("layerAOpacity", 0, 1, "", "opacity of MilkDrop layer A"),
        new VisualParameter("layerBOpacity", 0, 1, "", "opacity of MilkDrop layer B"),
        new VisualParameter("blend", 0, 1, "", "cross-fade position A to B (0 all A, 1 all B)"),
        new VisualParameter("warpPulse", 0, 2, "", "extra warp amount added on each beat"),
        new VisualParameter("zoomPulse", 0, 0.1, "", "zoom increment added on each beat"),
        new VisualParameter("hueShift", -180, 180, "deg", "global hue rotation of the mix"),
        new VisualParameter("cutRate", 0, 12, "1/min", "preset changes per minute"),
        new VisualParameter("spatialWeight", 0, 1, "", "w_s: weight of preset-feature similarity in preset choice"),
        new VisualParameter("temporalWeight", 0, 1, "", "w_t: weight of temporal continuity in preset choice"),
    };

    public static final int COUNT = ALL.length;

    private VisualParameters() {
    }

    public static VisualParameter get(int index) {
        return ALL[index];
    }

    public static int indexOf(String name) {
        for (int i = 0; i < ALL.length; i++) {
            if (ALL[i].name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The names in output order, as a bundle manifest lists them. */
    public static String[] names() {
        String[] out = new String[ALL.length];
        for (int i = 0; i < ALL.length; i++) {
            out[i] = ALL[i].name();
        }
        return out;
    }
}
