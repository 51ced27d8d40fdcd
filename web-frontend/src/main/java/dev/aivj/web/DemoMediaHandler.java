package dev.aivj.web;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.aivj.audioio.MusicCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The songs of the demo article ({@code /demo/article.html}) under {@code /demo/media/NAME}, read from the local
 * music cache that {@code ./aivj fetch-music} fills (they are freely licensed but not committed). Only the fixed
 * names below are served, each mapped to one cached file; no part of the request becomes a file path.
 */
final class DemoMediaHandler implements HttpHandler {

    static final String PREFIX = "/demo/media/";

    private static final Logger LOG = Logger.getLogger(DemoMediaHandler.class.getName());

    private static final Map<String, Supplier<Path>> SONGS = Map.of(
            "metal-madness.ogg", () -> MusicCache.sectoidSong("Metal madness"), // MIT, fretsonfire-songs-sectoid
            "chiptune.ogg", MusicCache::chiptune); // GPL-2, tuxtype-data

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (!AssetHandler.readOnly(exchange)) {
                return;
            }
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            String rawPath = exchange.getRequestURI().getRawPath();
            Supplier<Path> song = rawPath.startsWith(PREFIX) ? SONGS.get(rawPath.substring(PREFIX.length())) : null;
            if (song == null) {
                AssetHandler.sendText(exchange, 404, "Not found\n", head);
                return;
            }
            byte[] content;
            try {
                content = Files.readAllBytes(song.get());
            } catch (IllegalStateException | IOException e) {
                // Not fetched yet (the message would show a local path, so it is not sent).
                AssetHandler.sendText(exchange, 404, "Not found: run ./aivj fetch-music\n", head);
                return;
            }
            Headers headers = exchange.getResponseHeaders();
            headers.set("Content-Type", "audio/ogg");
            headers.set("Cache-Control", "no-cache");
            headers.set("X-Content-Type-Options", "nosniff");
            AssetHandler.send(exchange, 200, content, head);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Failed to serve " + exchange.getRequestURI(), e);
            throw e;
        } finally {
            exchange.close();
        }
    }
}
