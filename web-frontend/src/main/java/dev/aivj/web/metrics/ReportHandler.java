package dev.aivj.web.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
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
            if (!exchange.getRequestURI().getRawPath().equals(PATH)) {
                Responses.text(exchange, 404, "Not found\n");
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                Responses.text(exchange, 405, "Method not allowed: post a report as JSON\n");
                return;
            }
            AnalysisReport report;
            try {
                report = AnalysisReportParser.parse(body(exchange));
            } catch (ReportRejected e) {
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

    /** The body, refused before reading when its type is not JSON or it says or proves to be too large. */
    private static byte[] body(HttpExchange exchange) throws IOException, ReportRejected {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).split(";", 2)[0].strip().equals("application/json")) {
            throw new ReportRejected(415, "a report must be sent as Content-Type: application/json");
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > AnalysisReportParser.MAX_BYTES) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw new ReportRejected(400, "bad Content-Length");
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(AnalysisReportParser.MAX_BYTES + 1); // a chunked body may still lie
            if (bytes.length > AnalysisReportParser.MAX_BYTES) {
                throw tooLarge();
            }
            return bytes;
        }
    }

    private static ReportRejected tooLarge() {
        return new ReportRejected(413, "report too large: at most " + AnalysisReportParser.MAX_BYTES + " bytes");
    }
}
