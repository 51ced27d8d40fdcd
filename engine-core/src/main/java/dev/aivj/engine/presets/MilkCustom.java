package dev.aivj.engine.presets;

import java.util.Collections;
import java.util.Map;

/**
 * One custom shape ({@code shapecode_N_*}, {@code shape_N_*}) or custom wave ({@code wavecode_N_*},
 * {@code wave_N_*}) of a preset: its base values and its equation blocks. Shapes have no per-point block.
 */
public final class MilkCustom {
    private final int index;
    private final Map<String, Double> baseValues;
    private final String initEquations;
    private final String perFrameEquations;
    private final String perPointEquations;

    MilkCustom(int index, Map<String, Double> baseValues, String initEquations, String perFrameEquations,
            String perPointEquations) {
        this.index = index;
        this.baseValues = Collections.unmodifiableMap(baseValues);
        this.initEquations = initEquations;
        this.perFrameEquations = perFrameEquations;
        this.perPointEquations = perPointEquations;
    }

    /** N in shapecode_N / wavecode_N. */
    public int index() {
        return index;
    }

    /** Base values by lower-case name without the prefix, e.g. "rad", "sides", "enabled", "samples". */
    public Map<String, Double> baseValues() {
        return baseValues;
    }

    /** Drawn only when "enabled" is non-zero; MilkDrop's default is disabled. */
    public boolean enabled() {
        Double e = baseValues.get("enabled");
        return e != null && e != 0;
    }

    /** Joined init lines in index order; null when absent. */
    public String initEquations() {
        return initEquations;
    }

    /** Joined per-frame lines in index order; null when absent. */
    public String perFrameEquations() {
        return perFrameEquations;
    }

    /** Joined per-point lines of a wave in index order; null when absent (always for shapes). */
    public String perPointEquations() {
        return perPointEquations;
    }
}
