package dev.aivj.export.gate;

import dev.aivj.engine.coupling.CouplingModel;
import dev.aivj.registry.GateFigures;
import dev.aivj.renders.PairComparison;
import dev.aivj.training.coupling.CouplingExample;
import dev.aivj.training.coupling.GoldenGateFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The release gate of a coupling-model candidate against the model served now, on one pack: golden pairs the
 * candidate never trained on must pass ({@link GoldenPass}: rank, and for the first few, render) at
 * {@link GoldenPass#REQUIRED_RATE} or more, its score
 * distribution must stay within {@link ScoreDrift#LIMIT} of the current model's, and its scoring latency within
 * {@link ScoringLatency}'s budget. The stratified regression set (candidate beside the current model, {@link
 * DualTrack}) is measured for the report; it does not refuse a retrained model, whose outputs are meant to move.
 */
public final class ReleaseGate {
    private ReleaseGate() {
    }

    /** One golden pair's fate; {@code render} is null when it was not rendered. */
    public record GoldenResult(int pair, String fg, String bg, int position, PairComparison render, boolean passes) {
    }

    /** A golden pair to draw with the current model's mix and with the candidate's. */
    public record RenderCase(int pair, String fg, String bg, double currentWs, double currentWt, double candidateWs,
            double candidateWt) {
    }

    /** Draws golden pairs both ways and compares them ({@link RenderGate}); by pair number. */
    public interface RenderCheck {
        Map<Integer, PairComparison> check(List<RenderCase> cases);
    }

    /** Everything the gate measured, for the registry and the report. */
    public record Result(GateFigures figures, List<GoldenResult> golden, PackScores candidate, PackScores current,
            ScoringLatency.Percentiles latency, DualTrack.Buckets regression, int packSize) {
    }

    /**
     * @param goldenGate the golden pairs the candidate never trained on (its golden-gate.json); empty when it came
     *                   without one, which the gate refuses
     */
    /**
     * @param renders   draws the first {@code renderPairs} golden pairs (by pair number) both ways; ignored when
     *                  {@code renderPairs} is 0
     */
    public static Result evaluate(CouplingModel candidate, Optional<GoldenGateFile.GoldenGate> goldenGate,
            CouplingModel current, String packName, List<CouplingExample> pack, RenderCheck renders, int renderPairs) {
        List<String> refusals = new ArrayList<>();
        PackScores cand = PackScores.of(candidate, pack);
        PackScores cur = PackScores.of(current, pack);

        List<GoldenResult> golden = new ArrayList<>();
        if (goldenGate.isEmpty()) {
            refusals.add("the candidate has no golden-gate.json: it trained on every golden pair, so none can test it");
        } else if (!goldenGate.get().pack().equals(packName)) {
            refusals.add("the candidate's golden gate is of pack " + goldenGate.get().pack() + ", the gate runs on "
                    + packName);
        } else {
            Set<Integer> gate = new HashSet<>(goldenGate.get().pairs());
            List<Integer> indices = new ArrayList<>();
            for (int i = 0; i < pack.size(); i++) {
                if (pack.get(i).elite() && gate.contains(pack.get(i).pair())) {
                    indices.add(i);
                }
            }
            indices.sort((a, b) -> Integer.compare(pack.get(a).pair(), pack.get(b).pair()));
            Map<Integer, PairComparison> rendered = renderPairs <= 0 ? Map.of() : renders.check(indices.stream()
                    .limit(renderPairs).map(i -> new RenderCase(pack.get(i).pair(), pack.get(i).fg(), pack.get(i).bg(),
                            cur.ws()[i], cur.wt()[i], cand.ws()[i], cand.wt()[i])).toList());
            for (int i : indices) {
                CouplingExample e = pack.get(i);
                PairComparison r = rendered.get(e.pair());
                golden.add(new GoldenResult(e.pair(), e.fg(), e.bg(), cand.position()[i], r,
                        GoldenPass.passes(cand.position()[i], pack.size(), r == null ? null : r.passed())));
            }
            if (golden.size() != gate.size()) {
                refusals.add((gate.size() - golden.size()) + " of the candidate's golden-gate pairs are not elite pairs of "
                        + packName);
            }
        }
        int passed = (int) golden.stream().filter(GoldenResult::passes).count();
        double rate = golden.isEmpty() ? 0 : (double) passed / golden.size();
        if (!golden.isEmpty() && rate < GoldenPass.REQUIRED_RATE) {
            long rendersFailed = golden.stream().filter(g -> g.render() != null && !g.render().passed()).count();
            refusals.add(String.format(Locale.ROOT, "golden pairs: %d of %d (%.1f %%) pass (top quarter of the pack%s),"
                    + " below the required %.0f %%", passed, golden.size(), 100 * rate, rendersFailed > 0
                            ? "; " + rendersFailed + " rendered unlike their reference" : "", 100 * GoldenPass.REQUIRED_RATE));
        }
        double drift = ScoreDrift.kl(cand.quality(), cur.quality());
        if (drift > ScoreDrift.LIMIT) {
            refusals.add(String.format(Locale.ROOT, "score drift: KL %.3f from the current model's scores on the same"
                    + " pack, above %.1f", drift, ScoreDrift.LIMIT));
        }
        ScoringLatency.Percentiles latency = ScoringLatency.measure(candidate, pack);
        if (latency.p95() > ScoringLatency.P95_BUDGET_MS || latency.p99() > ScoringLatency.P99_BUDGET_MS) {
            refusals.add(String.format(Locale.ROOT, "latency: pairing one preset takes P95 %.1f ms, P99 %.1f ms; the"
                    + " budget is %.0f / %.0f ms", latency.p95(), latency.p99(), ScoringLatency.P95_BUDGET_MS,
                    ScoringLatency.P99_BUDGET_MS));
        }
        DualTrack.Buckets regression = DualTrack.buckets(DualTrack.compare(StratifiedSet.full(pack),
                DualTrack.outputs(cur), DualTrack.outputs(cand)));
        GateFigures figures = new GateFigures(passed, golden.size(), drift, latency.p95(), latency.p99(), refusals);
        return new Result(figures, golden, cand, cur, latency, regression, pack.size());
    }
}
