package dev.aivj.web.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * At each scrape, the rollback guard's window: the served registry version's live engine latency P95/P99, the
 * reports it holds, and the budget it is judged against (so a dashboard draws the line beside the figure).
 */
public final class LiveLatencyMetrics implements MultiCollector {
    private final LiveRollbackGuard guard;

    public LiveLatencyMetrics(LiveRollbackGuard guard) {
        this.guard = guard;
    }

    @Override
    public MetricSnapshots collect() {
        LiveRollbackGuard.Figures f = guard.figures();
        GaugeSnapshot.Builder live = GaugeSnapshot.builder().name("aivj_live_engine_latency_seconds")
                .help("Page-reported engine latency percentiles over the rollback guard's window (the served "
                        + "registry version's last reports)");
        if (f.reports() > 0) {
            live.dataPoint(point("0.95", f.p95Ms() / 1000)).dataPoint(point("0.99", f.p99Ms() / 1000));
        }
        GaugeSnapshot budget = GaugeSnapshot.builder().name("aivj_live_engine_latency_budget_seconds")
                .help("The engine latency budget a served model is rolled back past")
                .dataPoint(point("0.95", LatencyBudget.ENGINE_P95_MS / 1000))
                .dataPoint(point("0.99", LatencyBudget.ENGINE_P99_MS / 1000)).build();
        GaugeSnapshot reports = GaugeSnapshot.builder().name("aivj_live_window_reports")
                .help("Reports in the rollback guard's window (judged when it holds " + LatencyBudget.WINDOW + ")")
                .dataPoint(GaugeDataPointSnapshot.builder().value(f.reports()).build()).build();
        return MetricSnapshots.of(live.build(), budget, reports);
    }

    private static GaugeDataPointSnapshot point(String quantile, double seconds) {
        return GaugeDataPointSnapshot.builder().labels(Labels.of("quantile", quantile)).value(seconds).build();
    }
}
