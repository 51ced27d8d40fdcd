package dev.aivj.web.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivj.web.AppServer;
import dev.aivj.web.StaticAssets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's real Prometheus scrapes a real app server (serving a real registry's version) every second: the page's
 * reports, the requests, the served model and its gate figures arrive in Prometheus with their values, every query
 * of the shipped Grafana dashboard is valid PromQL there and names only metrics the server exposes.
 */
class PrometheusScrapeTest {
    static final Path DASHBOARD = Path.of("..", "monitoring", "grafana", "aivj-dashboard.json");
    private static final Duration ARRIVAL = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    @Test
    void prometheusScrapesTheServerAndTheDashboardQueriesItsMetrics() throws Exception {
        TwoVersionRegistry reg = new TwoVersionRegistry(temp.resolve("registry"));
        try (AppServer server = AppServer.start(0, StaticAssets.fromClasspath(), reg.root);
                RealPrometheus prometheus = new RealPrometheus(Files.createDirectories(temp.resolve("prometheus")),
                        "127.0.0.1:" + server.port())) {
            double[] engineMs = {40, 55, 70, 85, 120};
            for (double ms : engineMs) {
                assertEquals(204, Http.postJson(server.uri().resolve("/metrics/report"), "{\"decodeMs\": 300, \"engineMs\": "
                        + ms + ", \"decodedToFirstFrameMs\": " + (ms + 30) + "}").statusCode());
            }
            assertEquals(400, Http.postJson(server.uri().resolve("/metrics/report"), "{\"engineMs\": -5}").statusCode());
            assertEquals(200, Http.get(server.uri().resolve("/models/coupling-v1/manifest.json")).statusCode());

            prometheus.awaitValue("up{job=\"aivj\"}", "1", ARRIVAL);
            prometheus.awaitValue("aivj_analysis_latency_seconds_count{stage=\"engine\"}", "5", ARRIVAL);
            prometheus.awaitValue("aivj_analysis_latency_seconds_sum{stage=\"engine\"}", "0.37", ARRIVAL);
            prometheus.awaitValue("aivj_analysis_latency_seconds_bucket{stage=\"engine\",le=\"0.1\"}", "4", ARRIVAL);
            prometheus.awaitValue("aivj_analysis_latency_seconds_count{stage=\"decoded_to_first_frame\"}", "5", ARRIVAL);
            prometheus.awaitValue("aivj_analysis_reports_total{result=\"rejected\"}", "1", ARRIVAL);
            prometheus.awaitValue("aivj_http_requests_total{route=\"report\",status=\"204\"}", "5", ARRIVAL);
            prometheus.awaitValue("aivj_http_requests_total{route=\"model\",status=\"200\"}", "1", ARRIVAL);
            JsonNode info = prometheus.awaitValue("aivj_model_info{kind=\"coupling\"}", "1", ARRIVAL);
            assertEquals(reg.second, info.get(0).path("metric").path("version").asText(), info.toString());
            assertEquals("registry", info.get(0).path("metric").path("source").asText(), info.toString());
            prometheus.awaitValue("aivj_model_golden_pass_rate{kind=\"coupling\"}", "0.98", ARRIVAL);
            prometheus.awaitValue("aivj_model_drift_kl{kind=\"coupling\"}", "0.03", ARRIVAL);
            prometheus.awaitValue("aivj_live_engine_latency_seconds{quantile=\"0.95\"}", "0.12", ARRIVAL);
            prometheus.awaitValue("aivj_live_engine_latency_budget_seconds{quantile=\"0.99\"}", "0.3", ARRIVAL);
            prometheus.awaitValue("aivj_model_rollbacks_total{outcome=\"rolled_back\"}", "0", ARRIVAL);

            // A rollback by the registry shows up as the version served, without a restart.
            reg.registry.rollback("test: rollback seen by Prometheus");
            prometheus.awaitValue("count(aivj_model_info{version=\"" + reg.first + "\"})", "1", ARRIVAL);

            String metrics = Http.getText(server.uri().resolve("/metrics"));
            List<String> exprs = dashboardExprs();
            assertTrue(exprs.size() >= 10, "the dashboard has its panels' queries: " + exprs);
            Set<String> names = new TreeSet<>();
            for (String expr : exprs) {
                prometheus.query(expr); // valid PromQL, as Grafana will send it
                Matcher m = Pattern.compile("\\baivj_[A-Za-z0-9_]+").matcher(expr);
                while (m.find()) {
                    names.add(m.group());
                }
            }
            assertFalse(names.isEmpty());
            for (String name : names) {
                assertTrue(Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]").matcher(metrics).find(),
                        "the dashboard queries " + name + ", which /metrics does not expose");
                assertTrue(prometheus.query("count(" + name + ")").size() > 0, name + " has no series in Prometheus");
            }
        }
    }

    /** Every panel target's expr in the shipped dashboard. */
    static List<String> dashboardExprs() throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode panel : new ObjectMapper().readTree(DASHBOARD.toFile()).path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                out.add(target.path("expr").asText());
            }
        }
        return out;
    }
}
