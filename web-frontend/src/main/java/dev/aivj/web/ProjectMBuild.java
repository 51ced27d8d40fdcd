package dev.aivj.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.aivj.engine.json.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the server finds projectM's WebAssembly build, and {@value #STATUS_PATH}, which tells the page whether it
 * can use it. A full build carries it on the classpath ({@code web/projectm/}). A first {@code ./aivj serve} starts
 * the app without it and builds it in the background into a folder ({@code -Daivj.projectm.dir}): until that
 * folder holds both files the page plays butterchurn and asks again; the builder writes {@value #STATE_FILE} there
 * ({@code building}, or {@code failed: reason} on its first line).
 */
final class ProjectMBuild {
    static final String PREFIX = "/projectm/";
    static final String STATUS_PATH = PREFIX + "status.json";
    static final String STATE_FILE = "build.state";
    private static final List<String> FILES = List.of("projectm-layer.js", "projectm-layer.wasm");

    private final boolean builtIn;
    private final Path folder;

    ProjectMBuild(StaticAssets classpath, Path folder) {
        this.builtIn = FILES.stream().allMatch(f -> classpath.find("projectm/" + f).isPresent());
        this.folder = folder;
    }

    /** From the system property {@code aivj.projectm.dir} (unset: only the classpath counts). */
    static ProjectMBuild fromSystemProperties(StaticAssets classpath) {
        String dir = System.getProperty("aivj.projectm.dir", "");
        return new ProjectMBuild(classpath, dir.isBlank() ? null : Path.of(dir));
    }

    /** Adds the status and, for a build in the folder, the folder's files to {@code server}. */
    void mount(AppServer server) {
        server.mount(STATUS_PATH, new StatusHandler());
        if (!builtIn && folder != null) {
            server.mount(PREFIX, folderAssets());
        }
    }

    /** {@code {"state": "ready" | "building" | "failed" | "absent", "message": "..."}}. */
    String statusJson() {
        String state;
        String message;
        if (builtIn || (folder != null && FILES.stream().allMatch(f -> Files.isRegularFile(folder.resolve(f))))) {
            state = "ready";
            message = "projectM is ready";
        } else if (folder == null) {
            state = "absent";
            message = "projectM is not installed on this server (its build was skipped or failed)";
        } else {
            String line = firstLine(folder.resolve(STATE_FILE));
            if (line.startsWith("failed")) {
                state = "failed";
                message = "projectM could not be built on this server ("
                        + line.substring("failed".length()).replaceFirst("^:\\s*", "") + ")";
            } else {
                state = "building";
                message = "projectM is still being built on this server (its first start takes a few minutes); "
                        + "the layers play butterchurn and switch to projectM when it is ready";
            }
        }
        return new JsonWriter().beginObject().name("state").value(state).name("message").value(message).endObject()
                .toString();
    }

    private StaticAssets folderAssets() {
        try {
            return new StaticAssets(new URLClassLoader(new java.net.URL[] {folder.toUri().toURL()}, null), "");
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("aivj.projectm.dir is not a usable folder: " + folder, e);
        }
    }

    private static String firstLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.isEmpty() ? "" : lines.get(0).strip();
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private final class StatusHandler implements HttpHandler {
        @Override
        public void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                if (!AssetHandler.readOnly(exchange)) {
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                AssetHandler.send(exchange, 200, statusJson().getBytes(StandardCharsets.UTF_8),
                        "HEAD".equals(exchange.getRequestMethod()));
            }
        }
    }
}
