package dev.aivj.training.feedback;

/**
 * The size of a simulation: viewers (archetypes in turn), sessions per viewer (one SIMULATED song each), sections per
 * song, seeds (independent repetitions, for the confidence intervals), the base seed, and the γ values of the
 * weighted-random sweep (its default γ = 4 always among them).
 */
public record SimulationConfig(int viewers, int sessions, int sections, int seeds, long seed, double[] gammas) {
    public static final double[] DEFAULT_GAMMAS = {0, 1, 2, 4, 8, 16};

    public SimulationConfig {
        if (viewers < 1 || sessions < 2 || sections < 1 || seeds < 1) {
            throw new IllegalArgumentException("need viewers >= 1, sessions >= 2, sections >= 1 and seeds >= 1");
        }
        boolean hasDefault = false;
        for (double g : gammas) {
            hasDefault |= g == dev.aivj.engine.feedback.QualityWeightedPick.GAMMA;
        }
        if (!hasDefault) {
            throw new IllegalArgumentException("the γ sweep must include the default γ = "
                    + dev.aivj.engine.feedback.QualityWeightedPick.GAMMA);
        }
        gammas = gammas.clone();
    }

    public static SimulationConfig defaults() {
        return new SimulationConfig(24, 20, 8, 10, 19, DEFAULT_GAMMAS);
    }

    /** Sessions in each of the early and late windows of the lift table: the first and last quarter (at least 1). */
    public int window() {
        return Math.max(1, sessions / 4);
    }
}
