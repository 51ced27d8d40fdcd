package dev.aivj.engine.presets;

/**
 * The code side of a preset, for {@link PresetFeatures}: equation sizes, enabled custom shapes and waves, shader
 * sizes and the MilkDrop 2 flag. Built from a parsed .milk file or from the fields of a butterchurn JSON preset.
 */
public final class PresetStructure {
    private final EquationStats perFrame;
    private final EquationStats perPixel;
    private final EquationStats shapes;
    private final EquationStats waves;
    private final int enabledShapes;
    private final int enabledWaves;
    private final int warpLength;
    private final int compLength;
    private final boolean milkDrop2;

    private PresetStructure(EquationStats perFrame, EquationStats perPixel, EquationStats shapes,
            EquationStats waves, int enabledShapes, int enabledWaves, String warp, String comp, boolean milkDrop2) {
        this.perFrame = perFrame;
        this.perPixel = perPixel;
        this.shapes = shapes;
        this.waves = waves;
        this.enabledShapes = enabledShapes;
        this.enabledWaves = enabledWaves;
        this.warpLength = codeLength(warp);
        this.compLength = codeLength(comp);
        this.milkDrop2 = milkDrop2;
    }

    /** From a parsed .milk preset; only enabled shapes and waves count, as only they are drawn. */
    public static PresetStructure of(MilkPreset p) {
        EquationStats shapes = EquationStats.NONE;
        int enabledShapes = 0;
        for (MilkCustom s : p.shapes().values()) {
            if (s.enabled()) {
                enabledShapes++;
                shapes = shapes.plus(EquationStats.of(s.initEquations()))
                        .plus(EquationStats.of(s.perFrameEquations()));
            }
        }
        EquationStats waves = EquationStats.NONE;
        int enabledWaves = 0;
        for (MilkCustom w : p.waves().values()) {
            if (w.enabled()) {
                enabledWaves++;
                waves = waves.plus(EquationStats.of(w.initEquations())).plus(EquationStats.of(w.perFrameEquations()))
                        .plus(EquationStats.of(w.perPointEquations()));
            }
        }
        return new PresetStructure(EquationStats.of(p.perFrameEquations()), EquationStats.of(p.perPixelEquations()),
                shapes, waves, enabledShapes, enabledWaves, p.warpShader(), p.compShader(), p.isMilkDrop2());
    }

    /**
     * From equation and shader text in any form (e.g. butterchurn's {@code frame_eqs_str}, {@code pixel_eqs_str}).
     * {@code shapeEquations} and {@code waveEquations} hold one entry per enabled shape or wave (its blocks, each
     * ending in ';' or joined with ';'); null entries and arrays count as empty.
     */
    public static PresetStructure of(String perFrameEquations, String perPixelEquations, String[] shapeEquations,
            String[] waveEquations, String warpShader, String compShader, boolean milkDrop2) {
        return new PresetStructure(EquationStats.of(perFrameEquations), EquationStats.of(perPixelEquations),
                sum(shapeEquations), sum(waveEquations), shapeEquations == null ? 0 : shapeEquations.length,
                waveEquations == null ? 0 : waveEquations.length, warpShader, compShader, milkDrop2);
    }

    private static EquationStats sum(String[] texts) {
        EquationStats s = EquationStats.NONE;
        if (texts != null) {
            for (String t : texts) {
                s = s.plus(EquationStats.of(t));
            }
        }
        return s;
    }

    /** Shader size without whitespace, so indentation and line ends do not count; 0 when absent. */
    private static int codeLength(String shader) {
        if (shader == null) {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < shader.length(); i++) {
            if (shader.charAt(i) > ' ') {
                n++;
            }
        }
        return n;
    }

    public EquationStats perFrame() {
        return perFrame;
    }

    public EquationStats perPixel() {
        return perPixel;
    }

    /** Summed over the enabled shapes' init and per-frame blocks. */
    public EquationStats shapes() {
        return shapes;
    }

    /** Summed over the enabled waves' init, per-frame and per-point blocks. */
    public EquationStats waves() {
        return waves;
    }

    public int enabledShapes() {
        return enabledShapes;
    }

    public int enabledWaves() {
        return enabledWaves;
    }

    /** Non-whitespace characters of the warp shader; 0 when there is none. */
    public int warpLength() {
        return warpLength;
    }

    /** Non-whitespace characters of the comp shader; 0 when there is none. */
    public int compLength() {
        return compLength;
    }

    public boolean milkDrop2() {
        return milkDrop2;
    }
}
