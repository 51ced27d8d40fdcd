package dev.aivj.bench;

import java.util.List;

/** Everything one bench run measured: the table, the targets and the model peers' parity checks. */
public record BenchReport(String header, BenchTable table, Targets targets, List<PeerModelResult> peers) {

    /** True when every peer configuration (tfjs, ONNX Runtime Web) reproduced the engine's outputs (max |Δ| below the limit). */
    public boolean peersMatch() {
        return !peers.isEmpty() && peers.stream().allMatch(PeerModelResult::matches);
    }

    /** The results of one peer ("tfjs", "ort-web"). */
    public List<PeerModelResult> peers(String peer) {
        return peers.stream().filter(r -> r.peer().equals(peer)).toList();
    }

    public String format() {
        StringBuilder out = new StringBuilder(header).append(System.lineSeparator()).append(System.lineSeparator());
        out.append(table.format()).append(System.lineSeparator());
        out.append(targets.format()).append(System.lineSeparator());
        out.append("model parity (same log-mel, per-step style + visual outputs vs the engine on HotSpot):")
                .append(System.lineSeparator());
        for (PeerModelResult r : peers) {
            out.append(String.format(java.util.Locale.ROOT, "  %-4s %s, %s: max |Δ| = %.2e over %d steps (limit %.0e)%s%n",
                    r.matches() ? "OK" : "FAIL", r.song(), r.runtime(), r.maxAbsDelta(), r.steps(),
                    PeerModelResult.MAX_ABS_DELTA, r.note().isEmpty() ? "" : "; " + r.note()));
        }
        return out.toString();
    }
}
