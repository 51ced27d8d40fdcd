package dev.aivj.training.feedback;

import java.util.Locale;

/** simulate-feedback's report.md: what was simulated, the viewers' tastes, the lift table, the A/B report. */
final class SimulationReport {
    private SimulationReport() {
    }

    static String markdown(SimulationResult r, AbReport ab, String[] args) {
        SimulationConfig c = r.config();
        StringBuilder b = new StringBuilder();
        b.append("# Feedback simulation — SIMULATED viewers, not real people\n\n");
        b.append("Command: `./aivj simulate-feedback ").append(String.join(" ", args)).append("`\n\n");
        b.append(String.format(Locale.ROOT, "%d SIMULATED viewers (the archetypes in turn, each a noisy variant) "
                + "watched %d sessions of %d SIMULATED sections each, through the real recommender and the real "
                + "bandit; %d seeds (base seed %d). Generator: docs/feedback-simulation.md.%n%n", c.viewers(),
                c.sessions(), c.sections(), c.seeds(), c.seed()));
        b.append("| archetype | taste |\n|---|---|\n");
        for (ViewerArchetype a : ViewerArchetype.values()) {
            b.append("| ").append(a.name().toLowerCase()).append(" | ").append(a.taste()).append(" |\n");
        }
        b.append("\n## Lift\n\n").append(r.liftTable());
        b.append("\n![learning curves](learning-curves.png)\n\n## A/B report on the simulated traffic (seed 1)\n\n");
        b.append("```\n").append(ab.text()).append("```\n");
        return b.toString();
    }
}
