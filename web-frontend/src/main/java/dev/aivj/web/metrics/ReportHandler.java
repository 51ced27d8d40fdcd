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
    /** How much of a refused body is read and thrown away so the client gets the answer (the server is loopback only). */
    static final long DRAIN_LIMIT = 16L << 20;
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

    /**
     * The body, refused when its type is not JSON or it says or proves to be too large. A refused body is read to
     * its end (up to {@link #DRAIN_LIMIT}) and thrown away before the answer: closing a connection with unread
     * bytes resets it, and the client would lose the 413 and its reason.
     */
    private static byte[] body(HttpExchange exchange) throws IOException, ReportRejected {
        try (InputStream in = exchange.getRequestBody()) {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).split(";", 2)[0].strip().equals("application/json")) {
                drain(in);
                throw new ReportRejected(415, "a report must be sent as Content-Type: application/json");
            }
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            try {
                if (length != null && Long.parseLong(length.strip()) > AnalysisReportParser.MAX_BYTES) {
                    drain(in);
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw new ReportRejected(400, "bad Content-Length");
            }
            byte[] bytes = in.readNBytes(AnalysisReportParser.MAX_BYTES + 1); // a chunked body may still be too large
            if (bytes.length > AnalysisReportParser.MAX_BYTES) {
                drain(in);
                throw tooLarge();
            }
            return bytes;
        }
    }

    /** Reads and discards what is left of a refused body, at most {@link #DRAIN_LIMIT} bytes. */
    private static void drain(InputStream in) throws IOException {
        byte[] sink = new byte[8192];
        long left = DRAIN_LIMIT;
        for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0; ) {
            left -= n;
        }
    }

    private static ReportRejected tooLarge() {
        return new ReportRejected(413, "report too large: at most " + AnalysisReportParser.MAX_BYTES + " bytes");
    }
}
