package dev.aivj.web.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.web.AppServer;
import dev.aivj.web.StaticAssets;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server rolls a promoted model back by itself when the page's engine latency over the last
 * {@link LatencyBudget#WINDOW} reports crosses the budget, counts it, and does nothing otherwise.
 */
class AutoRollbackTest {
    private static final String ROLLED_BACK = "aivj_model_rollbacks_total{kind=\"coupling\",outcome=\"rolled_back\"}";

    @TempDir
    Path temp;

    @Test
    void slowReportsRollTheServedVersionBackOnceAndTheMetricCountsIt() throws Exception {
        TwoVersionRegistry reg = new TwoVersionRegistry(temp.resolve("registry"));
        try (AppServer server = AppServer.start(0, StaticAssets.fromClasspath(), reg.root)) {
            URI uri = server.uri();
            // Slow over P95 only: 18 songs at 100 ms, 2 at 200 ms: P95 = 200 ms > 150, P99 = 200 ms <= 300.
            for (int i = 0; i < LatencyBudget.WINDOW - 2; i++) {
                assertEquals(204, Http.report(uri, 100).statusCode());
            }
            assertEquals(204, Http.report(uri, 200).statusCode());
            assertEquals(reg.second, reg.registry.latest().orElseThrow(), "19 reports: the window is not full yet");
            assertEquals(204, Http.report(uri, 200).statusCode());

            assertEquals(reg.first, reg.registry.latest().orElseThrow(), "the 20th report crosses P95: rolled back");
            String metrics = Http.getText(uri.resolve("/metrics"));
            assertEquals(1, Http.sample(metrics, ROLLED_BACK).orElseThrow(), metrics);
            assertEquals(1, Http.sample(metrics, "aivj_model_info{kind=\"coupling\",source=\"registry\",version=\""
                    + reg.first + "\"}").orElseThrow(), "the metrics serve the version rolled back to");
            List<String[]> events = reg.registry.events();
            String[] last = events.get(events.size() - 1);
            assertEquals("rollback", last[1]);
            assertEquals(reg.second, last[2]);
            assertTrue(last[3].contains("P95 200.0 ms (budget 150)") && last[3].startsWith("automatic"), last[3]);
            assertEquals("rolled-back", reg.registry.version(reg.second).orElseThrow().status());

            // The first version's own window starts empty; fast songs keep it.
            for (int i = 0; i < 2 * LatencyBudget.WINDOW; i++) {
                Http.report(uri, 60);
            }
            assertEquals(reg.first, reg.registry.latest().orElseThrow());

            // Promoted again by hand, the version already rolled back once is not rolled back again by the server.
            reg.registry.promote(reg.second, "test: promoted again by hand");
            for (int i = 0; i < LatencyBudget.WINDOW; i++) {
                Http.report(uri, 1000);
            }
            assertEquals(reg.second, reg.registry.latest().orElseThrow(), "at most once per version");
            assertEquals(1, Http.sample(Http.getText(uri.resolve("/metrics")), ROLLED_BACK).orElseThrow());
        }
    }

    @Test
    void oneSlowSongOverP99RollsBackToo() throws Exception {
        TwoVersionRegistry reg = new TwoVersionRegistry(temp.resolve("registry"));
        try (AppServer server = AppServer.start(0, StaticAssets.fromClasspath(), reg.root)) {
            for (int i = 0; i < LatencyBudget.WINDOW - 1; i++) {
                Http.report(server.uri(), 50);
            }
            Http.report(server.uri(), 301);
            assertEquals(reg.first, reg.registry.latest().orElseThrow());
            String reason = reg.registry.events().get(reg.registry.events().size() - 1)[3];
            assertTrue(reason.contains("P99 301.0 ms (budget 300)"), reason);
        }
    }

    @Test
    void reportsWithinTheBudgetChangeNothing() throws Exception {
        TwoVersionRegistry reg = new TwoVersionRegistry(temp.resolve("registry"));
        try (AppServer server = AppServer.start(0, StaticAssets.fromClasspath(), reg.root)) {
            // Right on the lines: P95 = 150 ms and P99 = 300 ms are within the budget.
            for (int i = 0; i < 3 * LatencyBudget.WINDOW; i++) {
                Http.report(server.uri(), i % LatencyBudget.WINDOW == 0 ? 300 : i % LatencyBudget.WINDOW == 1 ? 150 : 80);
            }
            assertEquals(reg.second, reg.registry.latest().orElseThrow());
            String metrics = Http.getText(server.uri().resolve("/metrics"));
            assertEquals(0, Http.sample(metrics, ROLLED_BACK).orElseThrow());
            assertEquals(LatencyBudget.WINDOW, Http.sample(metrics, "aivj_live_window_reports").orElseThrow());
            assertEquals(0.3, Http.sample(metrics, "aivj_live_engine_latency_seconds{quantile=\"0.99\"}").orElseThrow(), 1e-9);
            assertEquals(0.15, Http.sample(metrics, "aivj_live_engine_latency_seconds{quantile=\"0.95\"}").orElseThrow(), 1e-9);
        }
    }

    @Test
    void withoutARegistryVersionSlowReportsRollNothingBack() throws Exception {
        try (AppServer server = AppServer.start(0, StaticAssets.fromClasspath(), temp.resolve("empty"))) {
            for (int i = 0; i < LatencyBudget.WINDOW; i++) {
                assertEquals(204, Http.report(server.uri(), 5000).statusCode());
            }
            String metrics = Http.getText(server.uri().resolve("/metrics"));
            assertEquals(0, Http.sample(metrics, ROLLED_BACK).orElseThrow());
            assertEquals(0, Http.sample(metrics, "aivj_live_window_reports").orElseThrow());
            assertEquals(20, Http.sample(metrics, "aivj_analysis_latency_seconds_count{stage=\"engine\"}").orElseThrow(),
                    "the reports still count in the histogram");
        }
    }

    @Test
    void withNoEarlierVersionTheRollbackServesTheBundledModel() throws Exception {
        TwoVersionRegistry reg = new TwoVersionRegistry(temp.resolve("registry"));
        reg.registry.rollback("test: back to the first"); // the second is rolled back: nothing was promoted before the first
        try (AppServer server = AppServer.start(0, StaticAssets.fromClasspath(), reg.root)) {
            for (int i = 0; i < LatencyBudget.WINDOW; i++) {
                assertEquals(204, Http.report(server.uri(), 900).statusCode());
            }
            assertTrue(reg.registry.latest().isEmpty(), "LATEST is gone");
            assertEquals("bundled", Http.get(server.uri().resolve("/models/coupling-v1/manifest.json")).headers()
                    .firstValue("X-AIVJ-Model-Version").orElse(""));
            String metrics = Http.getText(server.uri().resolve("/metrics"));
            assertEquals(1, Http.sample(metrics, ROLLED_BACK).orElseThrow());
            assertEquals(0, Http.sample(metrics, "aivj_model_rollbacks_total{kind=\"coupling\",outcome=\"failed\"}")
                    .orElseThrow());
            assertEquals(1, Http.sample(metrics, "aivj_model_info{kind=\"coupling\",source=\"bundled\",version=\"bundled\"}")
                    .orElseThrow());
        }
    }
}
