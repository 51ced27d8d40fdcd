package dev.aivj.web;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.CRC32;

/** Answers GET and HEAD with files from {@link StaticAssets}; 404 for anything else, 405 for other methods. */
public final class AssetHandler implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(AssetHandler.class.getName());

    private final StaticAssets assets;
    /** The context path this handler is mounted at ("/" for the app); stripped before the asset lookup. */
    private final String prefix;

    AssetHandler(StaticAssets assets) {
        this(assets, "/");
    }

    AssetHandler(StaticAssets assets, String prefix) {
        this.assets = assets;
        this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (!readOnly(exchange)) {
                return;
            }
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            Optional<StaticAssets.Asset> asset;
            try {
                String raw = exchange.getRequestURI().getRawPath();
                asset = raw.startsWith(prefix)
                        ? RequestPath.toAssetPath(raw.substring(prefix.length() - 1)).flatMap(assets::find)
                        : Optional.empty();
            } catch (UncheckedIOException e) {
                LOG.log(Level.WARNING, "Cannot read " + exchange.getRequestURI(), e);
                sendText(exchange, 500, "Internal server error\n", head);
                return;
            }
            if (asset.isEmpty()) {
                sendText(exchange, 404, "Not found\n", head);
                return;
            }
            sendAsset(exchange, asset.get(), head);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Failed to serve " + exchange.getRequestURI(), e);
            throw e;
        } finally {
            exchange.close();
        }
    }

    private static void sendAsset(HttpExchange exchange, StaticAssets.Asset asset, boolean head)
            throws IOException {
        Headers headers = exchange.getResponseHeaders();
        String etag = etag(asset.content());
        headers.set("Content-Type", asset.contentType());
        headers.set("Cache-Control", CachePolicy.forPath(asset.path()));
        headers.set("ETag", etag);
        headers.set("X-Content-Type-Options", "nosniff");
        if (asset.contentType().startsWith("text/html")) {
            headers.set("Content-Security-Policy", ContentSecurityPolicy.forPath(asset.path()));
            headers.set("Referrer-Policy", "no-referrer");
        }
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        send(exchange, 200, asset.content(), head);
    }

    /** True for GET and HEAD; any other method gets 405 with an Allow header (read-only handlers). */
    static boolean readOnly(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        sendText(exchange, 405, "Method not allowed\n", false);
        return false;
    }

    public static void sendText(HttpExchange exchange, int status, String text, boolean head)
            throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "text/plain; charset=utf-8");
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        send(exchange, status, text.getBytes(StandardCharsets.UTF_8), head);
    }

    public static void send(HttpExchange exchange, int status, byte[] body, boolean head) throws IOException {
        if (head) {
            // The JDK server sends no body (and no length) for HEAD; tell the client what GET would send.
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String etag(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return "\"" + Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(content.length) + "\"";
    }
}
