package dev.aivj.web.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.aivj.web.AssetHandler;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** {@code GET /metrics}: every metric of {@link ServerMetrics} in Prometheus's text format (0.0.4). */
public final class MetricsHandler implements HttpHandler {
    public static final String PATH = "/metrics";
    private static final PrometheusTextFormatWriter WRITER = PrometheusTextFormatWriter.create();

    private final ServerMetrics metrics;

    public MetricsHandler(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (Responses.refused(exchange, PATH, "", "GET", "HEAD")) {
                return;
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            WRITER.write(body, metrics.registry().scrape());
            exchange.getResponseHeaders().set("Content-Type", WRITER.getContentType());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            AssetHandler.send(exchange, 200, body.toByteArray(), Responses.head(exchange));
        }
    }
}
