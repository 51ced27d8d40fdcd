package dev.aivj.engine.presets;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** A parsed .milk preset (see {@link MilkPresetParser}). Immutable. */
public final class MilkPreset {
    private final Map<String, Double> baseValues;
    private final Map<String, Double> canonicalBaseValues;
    private final String perFrameInitEquations;
    private final String perFrameEquations;
    private final String perPixelEquations;
    private final Map<Integer, MilkCustom> shapes;
    private final Map<Integer, MilkCustom> waves;
    private final String warpShader;
    private final String compShader;
    private final List<ParseWarning> warnings;

    MilkPreset(Map<String, Double> baseValues, String perFrameInitEquations, String perFrameEquations,
            String perPixelEquations, SortedMap<Integer, MilkCustom> shapes, SortedMap<Integer, MilkCustom> waves,
            String warpShader, String compShader, List<ParseWarning> warnings) {
        this.baseValues = Collections.unmodifiableMap(baseValues);
        Map<String, Double> canonical = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : baseValues.entrySet()) {
            canonical.put(BaseValueNames.canonical(e.getKey()), e.getValue());
        }
        this.canonicalBaseValues = Collections.unmodifiableMap(canonical);
        this.perFrameInitEquations = perFrameInitEquations;
        this.perFrameEquations = perFrameEquations;
        this.perPixelEquations = perPixelEquations;
        // unmodifiableMap, not unmodifiableSortedMap: TeaVM's class library lacks the latter. Still in index order.
        this.shapes = Collections.unmodifiableMap(shapes);
        this.waves = Collections.unmodifiableMap(waves);
        this.warpShader = warpShader;
        this.compShader = compShader;
        this.warnings = Collections.unmodifiableList(warnings);
    }

    /** Base values as written in the file, by lower-case key (e.g. "fdecay", "zoom", "psversion"), in file order. */
    public Map<String, Double> baseValues() {
        return baseValues;
    }

    /**
     * Base values under their canonical (butterchurn) names, e.g. "fdecay" becomes "decay"; see {@link BaseValueNames}.
     * Where two spellings of one value occur, the later line wins.
     */
    public Map<String, Double> canonicalBaseValues() {
        return canonicalBaseValues;
    }

    /** A base value by either spelling ("fDecay" or "decay"), else MilkDrop's default, else NaN. */
    public double baseValue(String name) {
        String canonical = BaseValueNames.canonical(name);
        Double v = canonicalBaseValues.get(canonical);
        return v != null ? v : BaseValueDefaults.of(canonical);
    }

    /** per_frame_init_N lines joined in index order; null when absent. */
    public String perFrameInitEquations() {
        return perFrameInitEquations;
    }

    /** per_frame_N lines joined in index order; null when absent. */
    public String perFrameEquations() {
        return perFrameEquations;
    }

    /** per_pixel_N lines joined in index order; null when absent. */
    public String perPixelEquations() {
        return perPixelEquations;
    }

    /** Custom shapes by index, in index order (every shape the file mentions, enabled or not). */
    public Map<Integer, MilkCustom> shapes() {
        return shapes;
    }

    /** Custom waves by index, in index order (every wave the file mentions, enabled or not). */
    public Map<Integer, MilkCustom> waves() {
        return waves;
    }

    /** The warp pixel shader (HLSL, backticks stripped, lines joined with '\n'); null when absent. */
    public String warpShader() {
        return warpShader;
    }

    /** The composite pixel shader (HLSL, backticks stripped, lines joined with '\n'); null when absent. */
    public String compShader() {
        return compShader;
    }

    /** MILKDROP_PRESET_VERSION (e.g. 201), or 0 when absent (MilkDrop 1 files have none). */
    public int presetVersion() {
        Double v = baseValues.get("milkdrop_preset_version");
        return v == null ? 0 : (int) Math.max(0, Math.min(Integer.MAX_VALUE, v));
    }

    /** PSVERSION, the pixel-shader model (2, 3, 4), or 0 when absent. */
    public int pixelShaderVersion() {
        Double v = baseValues.get("psversion");
        return v == null ? 0 : (int) Math.max(0, Math.min(Integer.MAX_VALUE, v));
    }

    /**
     * MilkDrop 2 preset: it has a warp or comp shader, or declares MILKDROP_PRESET_VERSION ≥ 200 or a pixel-shader
     * model ≥ 2 (which only MilkDrop 2 writes).
     */
    public boolean isMilkDrop2() {
        return warpShader != null || compShader != null || presetVersion() >= 200 || pixelShaderVersion() >= 2;
    }

    /** Lines the parser skipped or repaired, in line order. */
    public List<ParseWarning> warnings() {
        return warnings;
    }
}
