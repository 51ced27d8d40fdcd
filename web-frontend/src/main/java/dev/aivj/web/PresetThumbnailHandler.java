package dev.aivj.web;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.aivj.engine.json.JsonWriter;
import dev.aivj.presets.PresetFrames;
import dev.aivj.presets.PresetThumbnails;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Preset thumbnails for the page's preset browser, from the frames the preset checker kept
 * ({@link PresetThumbnails}): {@code /presets/projectm-thumbs/index.json} lists the presets that have one
 * ({@code {"ids": [...]}}), {@code /presets/projectm-thumbs/<pack>/<slug>.png} is one. A preset the checker has
 * not rendered on this machine is a 404: nothing is rendered or made up here. Only ids of the library's shape
 * ({@code [A-Za-z0-9_-]+/[a-z0-9-]+}) become paths.
 */
final class PresetThumbnailHandler implements HttpHandler {
    static final String PREFIX = "/presets/projectm-thumbs/";
    private static final Pattern PNG = Pattern.compile("([A-Za-z0-9_-]+)/([a-z0-9-]+)\\.png");
    private static final Logger LOG = Logger.getLogger(PresetThumbnailHandler.class.getName());

    private final PresetThumbnails thumbnails;

    PresetThumbnailHandler(Path framesDir) {
        this.thumbnails = new PresetThumbnails(framesDir, "projectm");
    }

    /** The checker's frames folder: system property {@code aivj.preset.frames.dir}, else the cache's. */
    static Path framesDirFromSystemProperties() {
        String dir = System.getProperty("aivj.preset.frames.dir", "");
        return dir.isBlank() ? PresetThumbnails.defaultFramesDir() : Path.of(dir);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (!AssetHandler.readOnly(exchange)) {
                return;
            }
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            String rest = exchange.getRequestURI().getRawPath().substring(PREFIX.length());
            Headers headers = exchange.getResponseHeaders();
            headers.set("Cache-Control", "no-cache");
            headers.set("X-Content-Type-Options", "nosniff");
            if (rest.equals("index.json")) {
                JsonWriter w = new JsonWriter().beginObject().name("ids").beginArray();
                thumbnails.ids().forEach(w::value);
                headers.set("Content-Type", "application/json");
                AssetHandler.send(exchange, 200, w.endArray().endObject().toString().getBytes(StandardCharsets.UTF_8), head);
                return;
            }
            Matcher m = PNG.matcher(rest);
            Optional<Path> frames = m.matches() ? thumbnails.framesOf(m.group(1), m.group(2)) : Optional.empty();
            if (frames.isEmpty()) {
                AssetHandler.sendText(exchange, 404, "No thumbnail: the preset checker (./aivj check-presets) has not "
                        + "rendered this preset here\n", head);
                return;
            }
            byte[] png;
            try {
                png = PresetThumbnails.png(PresetFrames.read(frames.get()));
            } catch (IOException e) { // a truncated frame file: no thumbnail rather than a broken image
                AssetHandler.sendText(exchange, 404, "No thumbnail: the kept frames are unreadable\n", head);
                return;
            }
            headers.set("Content-Type", "image/png");
            AssetHandler.send(exchange, 200, png, head);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Failed to serve " + exchange.getRequestURI(), e);
            throw e;
        } finally {
            exchange.close();
        }
    }
}
