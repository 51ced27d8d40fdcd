package dev.aivj.cli.decode;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@link BrowserDecoder}'s routes on the app server: a blank page of the app's origin (so the page's modules
 * import), the song's bytes, and the decoded signal the page posts back. Holds one song at a time.
 */
final class SongExchange implements HttpHandler {
    static final String PREFIX = "/cli-decode/";
    private static final byte[] PAGE = "<!doctype html><meta charset=utf-8><title>aivj analyze</title>"
            .getBytes(StandardCharsets.UTF_8);

    private volatile Path song;
    private volatile byte[] signal;

    void offer(Path file) {
        song = file;
        signal = null;
    }

    byte[] takeSignal() {
        return signal;
    }

    void clear() {
        song = null;
        signal = null;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String method = exchange.getRequestMethod();
            if (name.equals("page") && method.equals("GET")) {
                send(exchange, "text/html; charset=utf-8", PAGE);
            } else if (name.equals("song") && method.equals("GET") && song != null) {
                send(exchange, "application/octet-stream", Files.readAllBytes(song));
            } else if (name.equals("signal") && method.equals("POST")) {
                try (InputStream in = exchange.getRequestBody()) {
                    signal = in.readAllBytes();
                }
                exchange.sendResponseHeaders(204, -1);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
