package dev.aivj.web.metrics;

import dev.aivj.registry.ModelRegistry;
import dev.aivj.web.registry.ServedModel;
import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Rolls a promoted coupling model back when its live figures cross the gate's lines: the page-reported engine
 * latency's P95/P99 over the last {@link LatencyBudget#WINDOW} reports against {@link LatencyBudget}. Only while a
 * registry version is served, on a full window of reports made while that version was served, and at most once per
 * version (a failed rollback is not tried again for it). With no earlier version the bundled model is served again.
 */
public final class LiveRollbackGuard {
    private static final Logger LOG = Logger.getLogger(LiveRollbackGuard.class.getName());

    /** The window's figures now, for the metrics: NaN percentiles while it is empty. */
    public record Figures(String version, int reports, double p95Ms, double p99Ms) {
    }

    private final ServedModel served;
    private final ServerMetrics metrics;
    private final LatencyWindow window = new LatencyWindow(LatencyBudget.WINDOW);
    private final Set<String> judged = new HashSet<>();
    private String windowVersion;

    public LiveRollbackGuard(ServedModel served, ServerMetrics metrics) {
        this.served = served;
        this.metrics = metrics;
    }

    /** Takes one accepted report; rolls back when the window crosses the budget. */
    public synchronized void report(AnalysisReport report) {
        if (report.engineMs().isEmpty()) {
            return; // a pairing report: not the stage this guard holds
        }
        Optional<String> version = served.version();
        if (version.isEmpty()) {
            window.clear();
            windowVersion = null;
            return;
        }
        if (!version.get().equals(windowVersion)) {
            window.clear(); // another model now: the previous one's figures say nothing about it
            windowVersion = version.get();
        }
        window.add(report.engineMs().getAsDouble());
        if (!window.full() || judged.contains(windowVersion)) {
            return;
        }
        double p95 = window.percentile(0.95);
        double p99 = window.percentile(0.99);
        if (p95 <= LatencyBudget.ENGINE_P95_MS && p99 <= LatencyBudget.ENGINE_P99_MS) {
            return;
        }
        judged.add(windowVersion);
        String reason = String.format(Locale.ROOT, "automatic: live engine latency over budget on the last %d page "
                + "reports: P95 %.1f ms (budget %.0f), P99 %.1f ms (budget %.0f)", window.size(), p95,
                LatencyBudget.ENGINE_P95_MS, p99, LatencyBudget.ENGINE_P99_MS);
        ModelRegistry registry = served.registry().orElseThrow();
        try {
            String now = registry.rollback(reason).orElse("the bundled model"); // none earlier: the bundled one
            metrics.rollback(ServedModel.KIND, true);
            LOG.warning("rolled back coupling model " + windowVersion + ", now serving " + now + ": " + reason);
        } catch (IOException | RuntimeException e) { // e.g. LATEST gone meanwhile, an unwritable registry
            metrics.rollback(ServedModel.KIND, false);
            LOG.severe("could not roll back coupling model " + windowVersion + " (" + e.getMessage() + "): " + reason);
        }
        window.clear();
    }

    public synchronized Figures figures() {
        return new Figures(windowVersion, window.size(), window.percentile(0.95), window.percentile(0.99));
    }
}
