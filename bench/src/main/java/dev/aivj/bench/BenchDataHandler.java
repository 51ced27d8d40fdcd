package dev.aivj.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the bench's in-memory data at {@value #PREFIX}NAME: songs' PCM and reference outputs as little-endian
 * float32 ({@code .f32}, what a Float32Array reads) and their metadata as JSON. Big PCM goes over HTTP because
 * passing 60 MB through Playwright's evaluate would be slow and would measure the wrong thing.
 */
public final class BenchDataHandler implements HttpHandler {
    public static final String PREFIX = "/bench-data/";

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    public void putFloats(String name, float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        files.put(name, buffer.array());
    }

    public void putBytes(String name, byte[] bytes) {
        files.put(name, bytes);
    }

    public void putJson(String name, String json) {
        files.put(name, json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = path.startsWith(PREFIX) ? files.get(path.substring(PREFIX.length())) : null;
            if (body == null || !"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type",
                    path.endsWith(".json") ? "application/json; charset=utf-8" : "application/octet-stream");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
