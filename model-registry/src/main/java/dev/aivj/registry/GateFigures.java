package dev.aivj.registry;

import java.util.List;

/**
 * What the release gate measured for one candidate bundle, kept beside it ({@code gate.json}) and in
 * {@code versions.csv}.
 *
 * @param goldenPassed   golden pairs passing (see the gate's definition), of {@code goldenTotal}
 * @param goldenTotal    golden pairs the candidate did not train on
 * @param driftKl        KL divergence of the candidate's score distribution from the current model's on the same pack
 * @param latencyP95Ms   scoring latency percentiles, ms per call of the measured batch
 * @param latencyP99Ms
 * @param refusals       why the gate refused the candidate, one line each; empty when it passed
 */
public record GateFigures(int goldenPassed, int goldenTotal, double driftKl, double latencyP95Ms, double latencyP99Ms,
        List<String> refusals) {
    public GateFigures {
        refusals = List.copyOf(refusals);
    }

    public double goldenPassRate() {
        return goldenTotal == 0 ? 0 : (double) goldenPassed / goldenTotal;
    }

    public boolean passed() {
        return refusals.isEmpty();
    }
}
