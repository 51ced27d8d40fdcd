package dev.aivj.web.metrics;

import com.sun.net.httpserver.HttpExchange;
import dev.aivj.web.AssetHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Small plain-text and JSON answers of the metrics and model handlers (never cached), sent as the app's assets are. */
public final class Responses {
    private Responses() {
    }

    /**
     * Answers 404 when the request is not for exactly {@code path} (null: any path), 405 with Allow when its method is
     * not one of {@code methods} ({@code why} says what to do instead); returns whether it answered.
     */
    public static boolean refused(HttpExchange exchange, String path, String why, String... methods) throws IOException {
        if (path != null && !exchange.getRequestURI().getRawPath().equals(path)) {
            text(exchange, 404, "Not found\n");
            return true;
        }
        if (!java.util.List.of(methods).contains(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", String.join(", ", methods));
            text(exchange, 405, "Method not allowed" + why + "\n");
            return true;
        }
        return false;
    }

    public static void text(HttpExchange exchange, int status, String text) throws IOException {
        AssetHandler.sendText(exchange, status, text, head(exchange));
    }

    public static void json(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        AssetHandler.send(exchange, status, json.getBytes(StandardCharsets.UTF_8), head(exchange));
    }

    public static boolean head(HttpExchange exchange) {
        return "HEAD".equals(exchange.getRequestMethod());
    }
}
