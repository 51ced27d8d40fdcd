package dev.aivj.web.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;

/**
 * The server's own Prometheus instruments, in a registry of its own (not the client's global default, so two servers
 * in one JVM, as in the tests, never share counts). Names are the ones the Grafana dashboard queries
 * (monitoring/grafana/aivj-dashboard.json).
 */
public final class ServerMetrics {
    /** Seconds; fine around the engine budget's lines (0.15, 0.3) and up to a minute for decoding a long song. */
    private static final double[] LATENCY_BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 1, 2.5, 5, 10,
            30, 60};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter httpRequests = Counter.builder().name("aivj_http_requests_total")
            .help("HTTP requests answered, by route class and status code").labelNames("route", "status")
            .register(registry);
    private final Histogram analysisLatency = Histogram.builder().name("aivj_analysis_latency_seconds")
            .help("The page's measured time per stage (per song: decode, engine, worker, decoded_to_plan, "
                    + "decoded_to_first_frame; per preset the viewer brought: pairing), from its reports to /metrics/report")
            .labelNames("stage").classicOnly().classicUpperBounds(LATENCY_BOUNDS).register(registry);
    private final Counter reports = Counter.builder().name("aivj_analysis_reports_total")
            .help("Page reports posted to /metrics/report, by result (accepted, rejected)").labelNames("result")
            .register(registry);
    private final Counter rollbacks = Counter.builder().name("aivj_model_rollbacks_total")
            .help("Automatic rollbacks of a served model whose live figures crossed the gate's lines, by model kind "
                    + "and outcome (rolled_back; failed: the registry could not be changed)")
            .labelNames("kind", "outcome").register(registry);

    public ServerMetrics() {
        httpRequests.initLabelValues("page", "200");
        reports.initLabelValues("accepted");
        reports.initLabelValues("rejected");
        rollbacks.initLabelValues("coupling", "rolled_back");
        rollbacks.initLabelValues("coupling", "failed");
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    /** Adds a collector read at each scrape (the served model, the live latency window). */
    public void register(MultiCollector collector) {
        registry.register(collector);
    }

    public void request(String route, int status) {
        httpRequests.labelValues(route, Integer.toString(status)).inc();
    }

    public void accepted(AnalysisReport report) {
        reports.labelValues("accepted").inc();
        for (Map.Entry<AnalysisReport.Stage, Double> e : report.millis().entrySet()) {
            analysisLatency.labelValues(e.getKey().label()).observe(e.getValue() / 1000);
        }
    }

    public void rejected() {
        reports.labelValues("rejected").inc();
    }

    public void rollback(String kind, boolean done) {
        rollbacks.labelValues(kind, done ? "rolled_back" : "failed").inc();
    }
}
