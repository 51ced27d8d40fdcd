package dev.aivj.bench;

import java.util.List;

/** Everything one bench run measured: the table, the targets and the tfjs parity checks. */
public record BenchReport(String header, BenchTable table, Targets targets, List<TfjsComparison.Result> tfjs) {

    /** True when every tfjs backend reproduced the engine's outputs (max |Δ| below the limit). */
    public boolean tfjsMatches() {
        return !tfjs.isEmpty() && tfjs.stream().allMatch(TfjsComparison.Result::matches);
    }

    public String format() {
        StringBuilder out = new StringBuilder(header).append(System.lineSeparator()).append(System.lineSeparator());
        out.append(table.format()).append(System.lineSeparator());
        out.append(targets.format()).append(System.lineSeparator());
        out.append("tfjs parity (same log-mel, per-step style + visual outputs vs the engine on HotSpot):")
                .append(System.lineSeparator());
        for (TfjsComparison.Result r : tfjs) {
            out.append(String.format(java.util.Locale.ROOT, "  %-4s %s, tfjs %s %s: max |Δ| = %.2e over %d steps (limit %.0e)%n",
                    r.matches() ? "OK" : "FAIL", r.song(), r.version(), r.backend(), r.maxAbsDelta(), r.steps(),
                    TfjsComparison.MAX_ABS_DELTA));
        }
        return out.toString();
    }
}
