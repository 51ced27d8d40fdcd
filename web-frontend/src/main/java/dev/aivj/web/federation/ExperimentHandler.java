package dev.aivj.web.federation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.aivj.web.metrics.Responses;
import java.io.IOException;

/**
 * {@code GET /experiment.json}: whether this server runs the A/B test of pick policies ({@code {"abTest": true,
 * "arms": ["learned", "weighted-random"]}}; the page then assigns its installation an arm by its id) or not
 * ({@code {"abTest": false}}: every viewer gets the learned arm).
 */
public final class ExperimentHandler implements HttpHandler {
    public static final String PATH = "/experiment.json";

    private final boolean abTest;

    public ExperimentHandler(boolean abTest) {
        this.abTest = abTest;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!Responses.refused(exchange, PATH, ": GET it", "GET", "HEAD")) {
                Responses.json(exchange, 200, abTest ? "{\"abTest\":true,\"arms\":[\"learned\",\"weighted-random\"]}"
                        : "{\"abTest\":false}");
            }
        }
    }
}
