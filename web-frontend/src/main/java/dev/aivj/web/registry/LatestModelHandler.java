package dev.aivj.web.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.aivj.web.metrics.Responses;
import java.io.IOException;
import java.util.Optional;

/**
 * {@value #PATH}: which coupling model is served, {@code {"version": "v...", "bundled": false, "gate": {gate.json}
 * or null}}, or {@code {"version": null, "bundled": true}} when the bundled one is.
 */
public final class LatestModelHandler implements HttpHandler {
    public static final String PATH = "/models/coupling/latest.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServedModel served;

    public LatestModelHandler(ServedModel served) {
        this.served = served;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (Responses.refused(exchange, PATH, "", "GET", "HEAD")) {
                return;
            }
            Responses.json(exchange, 200, JSON.writeValueAsString(answer()));
        }
    }

    ObjectNode answer() {
        ObjectNode out = JSON.createObjectNode();
        Optional<String> version = served.version();
        if (version.isEmpty()) {
            out.putNull("version");
            out.put("bundled", true);
            return out;
        }
        out.put("version", version.get());
        out.put("bundled", false);
        out.set("gate", served.gate(version.get()).<com.fasterxml.jackson.databind.JsonNode>map(JSON::valueToTree)
                .orElse(JSON.nullNode()));
        return out;
    }
}
