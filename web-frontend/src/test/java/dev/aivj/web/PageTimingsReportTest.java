package dev.aivj.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.aivj.audioio.MusicCache;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real page reports what a song cost it to the server that served it: after a song is analysed and drawn, its
 * timings (decode, engine, worker, decoded → plan, decoded → first frame) arrive in /metrics' histograms.
 */
class PageTimingsReportTest {
    @RegisterExtension
    static final LiveApp app = new LiveApp();

    @Test
    @SuppressWarnings("unchecked")
    void aSongsTimingsArriveInTheServersMetrics() throws Exception {
        try (BrowserContext context = app.newContext(800, 600)) {
            Page page = context.newPage();
            java.util.List<String> errors = new java.util.ArrayList<>();
            page.onPageError(errors::add);
            page.onResponse(r -> {
                if (r.status() >= 400) errors.add(r.status() + " " + r.url());
            });
            page.navigate(app.server().uri().toString());
            try {
                page.waitForFunction("() => window.aivj && window.aivj.state === 'idle'");
            } catch (com.microsoft.playwright.TimeoutError e) {
                throw new AssertionError("the page did not start: " + errors, e);
            }
            page.locator("#file-input").setInputFiles(MusicCache.clip("wav"));
            page.waitForFunction("() => ['ready', 'error'].includes(window.aivj.state)", null,
                    new Page.WaitForFunctionOptions().setTimeout(120_000).setPollingInterval(100));
            assertEquals("ready", page.evaluate("() => window.aivj.state"), () -> page.textContent("#error"));
            page.waitForFunction("() => window.aivj.timingsPost.status !== null", null,
                    new Page.WaitForFunctionOptions().setTimeout(15_000).setPollingInterval(100));
            Map<String, Object> post = (Map<String, Object>) page.evaluate("() => window.aivj.timingsPost");
            assertEquals(204, ((Number) post.get("status")).intValue(), "the server took the report: " + post);

            Map<String, Object> report = (Map<String, Object>) page.evaluate("() => window.aivj.timingsReport");
            System.out.println("PageTimingsReportTest: the page reported " + report);
            double engineMs = ((Number) report.get("engineMs")).doubleValue();
            assertEquals(((Number) page.evaluate("() => window.aivj.analysisMs")).doubleValue(), engineMs, 0.06,
                    "the engine figure is the result's elapsedMs");
            for (String field : new String[] {"decodeMs", "workerMs", "decodedToPlanMs", "decodedToFirstFrameMs"}) {
                assertTrue(report.get(field) instanceof Number, field + " measured: " + report);
            }
            double plan = ((Number) report.get("decodedToPlanMs")).doubleValue();
            double frame = ((Number) report.get("decodedToFirstFrameMs")).doubleValue();
            assertTrue(frame >= plan, "the first frame on the plan comes after the plan: " + report);

            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(app.server().uri().resolve("/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            for (String stage : new String[] {"decode", "engine", "worker", "decoded_to_plan", "decoded_to_first_frame"}) {
                assertEquals(1, sample(metrics, "aivj_analysis_latency_seconds_count{stage=\"" + stage + "\"}"), stage);
            }
            assertEquals(engineMs / 1000, sample(metrics, "aivj_analysis_latency_seconds_sum{stage=\"engine\"}"), 1e-6);
        }
    }

    private static double sample(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        if (!m.find()) {
            throw new AssertionError(series + " not in /metrics:\n" + metrics);
        }
        return Double.parseDouble(m.group(1));
    }
}
