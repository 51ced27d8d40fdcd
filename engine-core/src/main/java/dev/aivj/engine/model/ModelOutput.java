package dev.aivj.engine.model;

/**
 * Per-step outputs of the music model: step s covers input frames [s·P, (s+1)·P) with P = frames per step,
 * i.e. {@link #stepSeconds()} each, and depends only on frames up to its end (the model is causal). Holds the
 * style probabilities (softmax over {@link #labels()}) and the visual parameters in 0..1 (scale them with
 * {@link VisualParameters}).
 */
public final class ModelOutput {
    private final String[] labels;
    private final int firstStep;
    private final int steps;
    private final double stepSeconds;
    private final float[] style;
    private final float[] visual;

    public ModelOutput(String[] labels, int firstStep, int steps, double stepSeconds, float[] style, float[] visual) {
        this.labels = labels;
        this.firstStep = firstStep;
        this.steps = steps;
        this.stepSeconds = stepSeconds;
        this.style = style;
        this.visual = visual;
    }

    public String[] labels() {
        return labels.clone();
    }

    /** Index of this output's first step since the start of the song (non-zero for later streaming chunks). */
    public int firstStep() {
        return firstStep;
    }

    public int steps() {
        return steps;
    }

    public double stepSeconds() {
        return stepSeconds;
    }

    /** Start time of step {@code i} of this output, in seconds from the start of the song. */
    public double stepStartSeconds(int i) {
        return (firstStep + i) * stepSeconds;
    }

    /** Style probabilities, step-major: [steps × labels]. */
    public float[] styleProbabilities() {
        return style;
    }

    /** Visual parameters in 0..1, step-major: [steps × VisualParameters.COUNT]. */
    public float[] visualParameters() {
        return visual;
    }

    public float probability(int step, int label) {
        return style[step * labels.length + label];
    }

    public float visual(int step, int parameter) {
        return visual[step * VisualParameters.COUNT + parameter];
    }

    /** The most probable label of step {@code step}. */
    public String topLabel(int step) {
        int best = 0;
        for (int l = 1; l < labels.length; l++) {
            if (probability(step, l) > probability(step, best)) {
                best = l;
            }
        }
        return labels[best];
    }
}
