package dev.aivj.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./aivj serve --pack DIR}: the page and the widget play a pack of the team's presets imported by
 * {@code ./aivj import-pack DIR} and {@code ./aivj export-library --pack DIR}. The pack's presets are served from the
 * pack itself under {@code /packs/<pack>/} (its .milk files only); the pair library and its partner presets from
 * {@code DIR/aivj-import/library/} at {@code /pairs/}, in place of the bundled ones; and the projectM preset index
 * at {@value #INDEX} is the bundled library's with the pack's usable presets added, so the page finds the pairs'
 * presets by id as it finds the library's.
 */
final class PackRoutes {
    static final String INDEX = "/presets/projectm/index.json";
    static final String PACK_INDEX = "pack-presets.json";
    private static final String LIBRARY = "aivj-import/library";

    private final Path pack;
    private final Path library;
    private final String name;
    private final StaticAssets bundled;
    private final ObjectMapper json = new ObjectMapper();

    private PackRoutes(Path pack, Path library, String name, StaticAssets bundled) {
        this.pack = pack;
        this.library = library;
        this.name = name;
        this.bundled = bundled;
    }

    /** The routes of an imported pack; an IllegalArgumentException with one line when it is not ready to serve. */
    static PackRoutes of(Path packDir, StaticAssets bundled) {
        Path pack = packDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(pack)) {
            throw new IllegalArgumentException("--pack " + packDir + ": no such folder");
        }
        Path library = pack.resolve(LIBRARY);
        for (String f : new String[] {PACK_INDEX, "pair-library.json", "partner-presets.json"}) {
            if (!Files.isRegularFile(library.resolve(f))) {
                throw new IllegalArgumentException("--pack " + packDir + ": no " + LIBRARY + "/" + f + " (run ./aivj "
                        + "import-pack " + packDir + " and ./aivj export-library --pack " + packDir + " first)");
            }
        }
        try {
            JsonNode index = new ObjectMapper().readTree(library.resolve(PACK_INDEX).toFile());
            String name = index.path("pack").asText("");
            if (!name.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("--pack " + packDir + ": " + library.resolve(PACK_INDEX)
                        + " names no pack");
            }
            return new PackRoutes(pack, library, name, bundled);
        } catch (IOException e) {
            throw new IllegalArgumentException("--pack " + packDir + ": " + library.resolve(PACK_INDEX)
                    + " is not readable JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    String name() {
        return name;
    }

    /** The pack's presets the index adds. */
    int presets() throws IOException {
        return json.readTree(library.resolve(PACK_INDEX).toFile()).path("presets").size();
    }

    void mount(AppServer server) {
        StaticAssets packFiles = folder(pack);
        AssetHandler milk = new AssetHandler(packFiles, "/packs/" + name + "/");
        server.mount("/packs/" + name + "/", exchange -> {
            if (exchange.getRequestURI().getRawPath().endsWith(".milk")) {
                milk.handle(exchange);
            } else {
                try (exchange) {
                    AssetHandler.sendText(exchange, 404, "Not found\n", "HEAD".equals(exchange.getRequestMethod()));
                }
            }
        });
        server.mount("/pairs/", new AssetHandler(folder(library), "/pairs/"));
        server.mount(INDEX, new IndexHandler());
    }

    /** The bundled index with the pack's presets appended (read again on each request: a re-import shows at once). */
    byte[] index() throws IOException {
        ObjectNode root = bundled.find(INDEX.substring(1)).map(a -> {
            try {
                return (ObjectNode) json.readTree(a.content());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).orElseGet(() -> json.createObjectNode().put("version", 1));
        ArrayNode presets = root.has("presets") ? (ArrayNode) root.get("presets") : root.putArray("presets");
        json.readTree(library.resolve(PACK_INDEX).toFile()).path("presets").forEach(presets::add);
        root.put("source", root.path("source").asText("") + " + pack " + name + " (" + pack + ")");
        return json.writeValueAsBytes(root);
    }

    private static StaticAssets folder(Path dir) {
        try {
            return new StaticAssets(new URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, null), "");
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a usable folder: " + dir, e);
        }
    }

    private final class IndexHandler implements HttpHandler {
        @Override
        public void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                if (!AssetHandler.readOnly(exchange)) {
                    return;
                }
                boolean head = "HEAD".equals(exchange.getRequestMethod());
                if (!exchange.getRequestURI().getRawPath().equals(INDEX)) {
                    AssetHandler.sendText(exchange, 404, "Not found\n", head);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                AssetHandler.send(exchange, 200, index(), head);
            }
        }
    }
}
