package dev.aivj.engine.model;

/**
 * One output of the music model's visual head. The network emits {@code u = sigmoid(z)} in 0..1; the engine uses
 * {@link #scale(float) min + u·(max − min)} in the parameter's own unit. The full list is {@link VisualParameters}.
 */
public final class VisualParameter {
    private final String name;
    private final double min;
    private final double max;
    private final String unit;
    private final String meaning;

    VisualParameter(String name, double min, double max, String unit, String meaning) {
        this.name = name;
        this.min = min;
        this.max = max;
        this.unit = unit;
        this.meaning = meaning;
    }

    public String name() {
        return name;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public String unit() {
        return unit;
    }

    public String meaning() {
        return meaning;
    }

    /** Maps the network's 0..1 output to this parameter's range (input clamped to 0..1). */
    public double scale(float unitValue) {
        double u = unitValue < 0 ? 0 : unitValue > 1 ? 1 : unitValue;
        return min + u * (max - min);
    }
}
