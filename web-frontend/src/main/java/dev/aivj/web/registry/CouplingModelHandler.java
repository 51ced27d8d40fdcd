package dev.aivj.web.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.aivj.web.AssetHandler;
import dev.aivj.web.metrics.Responses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@value #PREFIX}: the coupling model the page loads (engine-client/own-presets-in-engine.js). With a registry
 * version served, its files come from that version's folder; otherwise the bundled files (the {@code bundled}
 * handler). Every answer names the version in {@value #VERSION_HEADER} ({@code bundled} for the bundled one) and
 * is not cached, since a promotion or rollback changes it under the same URL.
 */
public final class CouplingModelHandler implements HttpHandler {
    public static final String PREFIX = "/models/coupling-v1/";
    public static final String VERSION_HEADER = "X-AIVJ-Model-Version";
    /** The bundle's files a client may fetch; never gate.json or anything else in the folder. */
    private static final Map<String, String> FILES = Map.of(
            "manifest.json", "application/json; charset=utf-8",
            "weights.bin", "application/octet-stream",
            "model-card.md", "text/markdown; charset=utf-8",
            "training-log.txt", "text/plain; charset=utf-8");

    private final ServedModel served;
    private final HttpHandler bundled;

    public CouplingModelHandler(ServedModel served, HttpHandler bundled) {
        this.served = served;
        this.bundled = bundled;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Optional<String> version = served.version();
        if (version.isEmpty()) {
            exchange.getResponseHeaders().set(VERSION_HEADER, "bundled");
            bundled.handle(exchange);
            return;
        }
        try (exchange) {
            if (Responses.refused(exchange, null, "", "GET", "HEAD")) {
                return;
            }
            String name = exchange.getRequestURI().getRawPath().substring(PREFIX.length());
            String type = FILES.get(name);
            Optional<Path> file = type == null ? Optional.empty() : served.file(version.get(), name);
            exchange.getResponseHeaders().set(VERSION_HEADER, version.get());
            if (file.isEmpty()) {
                Responses.text(exchange, 404, "Not found\n");
                return;
            }
            byte[] bytes = Files.readAllBytes(file.get());
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            AssetHandler.send(exchange, 200, bytes, Responses.head(exchange));
        }
    }
}
