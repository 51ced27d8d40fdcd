package dev.aivj.web.metrics;

import dev.aivj.registry.GateJson;
import dev.aivj.web.registry.ServedModel;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * At each scrape, the coupling model served now ({@code aivj_model_info{kind, version, source}}: version
 * {@code bundled} and source {@code bundled} without a registry version) and the figures its release gate measured
 * (gate.json): golden pass rate, score drift (KL) and the gate's scoring latency P95/P99.
 */
public final class ServedModelMetrics implements MultiCollector {
    private final ServedModel served;

    public ServedModelMetrics(ServedModel served) {
        this.served = served;
    }

    @Override
    public MetricSnapshots collect() {
        Optional<String> version = served.version();
        List<MetricSnapshot> out = new ArrayList<>();
        out.add(InfoSnapshot.builder().name("aivj_model").help("The model served, by kind, version and source "
                + "(registry: the registry's LATEST; bundled: the page's bundled model)")
                .dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder().labels(Labels.of("kind", ServedModel.KIND,
                        "source", version.isPresent() ? "registry" : "bundled",
                        "version", version.orElse("bundled"))).build())
                .build());
        Optional<GateJson> gate = version.flatMap(served::gate);
        Labels kind = Labels.of("kind", ServedModel.KIND);
        out.add(gauge("aivj_model_golden_pass_rate", "Golden pairs passing (0..1) in the served model's release gate",
                gate.map(g -> point(kind, g.goldenPassRate())).stream().toList()));
        out.add(gauge("aivj_model_drift_kl", "KL divergence of the served model's score distribution from the one "
                + "it replaced, as its release gate measured it", gate.map(g -> point(kind, g.driftKl())).stream().toList()));
        List<GaugeDataPointSnapshot> latency = new ArrayList<>();
        gate.ifPresent(g -> {
            latency.add(point(kind.add("quantile", "0.95"), g.latencyP95Ms() / 1000));
            latency.add(point(kind.add("quantile", "0.99"), g.latencyP99Ms() / 1000));
        });
        out.add(gauge("aivj_model_gate_latency_seconds", "The served model's scoring latency percentiles as its "
                + "release gate measured them", latency));
        return new MetricSnapshots(out);
    }

    private static GaugeSnapshot gauge(String name, String help, List<GaugeDataPointSnapshot> points) {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
        points.forEach(b::dataPoint);
        return b.build();
    }

    private static GaugeDataPointSnapshot point(Labels labels, double value) {
        return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
    }
}
