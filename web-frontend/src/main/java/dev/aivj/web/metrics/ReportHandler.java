package dev.aivj.web.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.aivj.web.JsonRequestBody;
import dev.aivj.web.RequestRejected;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * {@code POST /metrics/report}: the page's timings of one song ({@link AnalysisReportParser}'s strict JSON). 204
 * when taken; 400, 413 or 415 with the reason in plain text when not; never an exception for what a client sends.
 */
public final class ReportHandler implements HttpHandler {
    public static final String PATH = "/metrics/report";
    private static final Logger LOG = Logger.getLogger(ReportHandler.class.getName());

    private final ServerMetrics metrics;
    private final LiveRollbackGuard guard;

    public ReportHandler(ServerMetrics metrics, LiveRollbackGuard guard) {
        this.metrics = metrics;
        this.guard = guard;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (Responses.refused(exchange, PATH, ": post a report as JSON", "POST")) {
                return;
            }
            AnalysisReport report;
            try {
                report = AnalysisReportParser.parse(JsonRequestBody.read(exchange, AnalysisReportParser.MAX_BYTES, "a report"));
            } catch (RequestRejected e) {
                metrics.rejected();
                Responses.text(exchange, e.status(), e.getMessage() + "\n");
                return;
            }
            metrics.accepted(report);
            try {
                guard.report(report);
            } catch (RuntimeException e) {
                LOG.warning("the rollback guard failed on a report: " + e); // the report is counted all the same
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }
}
