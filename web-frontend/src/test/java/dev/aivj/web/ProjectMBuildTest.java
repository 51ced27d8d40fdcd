package dev.aivj.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first {@code ./aivj serve} builds projectM in the background into a folder: the server says so at
 * /projectm/status.json, then serves the real build from the folder once it is there.
 */
class ProjectMBuildTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path folder;

    /** The app's assets without projectM (as a build with -Daivj.projectm=later has them). */
    private static StaticAssets appWithoutProjectM(Path empty) throws Exception {
        return new StaticAssets(new URLClassLoader(new java.net.URL[] {empty.toUri().toURL()}, null), "web/");
    }

    private static HttpResponse<byte[]> get(AppServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.uri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String status(AppServer server) throws Exception {
        return new String(get(server, "/projectm/status.json").body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void saysBuildingThenFailedThenServesTheFinishedBuild() throws Exception {
        Path build = Files.createDirectories(folder.resolve("projectm"));
        Files.writeString(build.resolve(ProjectMBuild.STATE_FILE), "building 12345\n");
        String previous = System.setProperty("aivj.projectm.dir", build.toString());
        AppServer server = AppServer.start(0, appWithoutProjectM(Files.createDirectories(folder.resolve("cp"))));
        try {
            assertTrue(status(server).startsWith("{\"state\":\"building\""), status(server));
            assertEquals(404, get(server, "/projectm/projectm-layer.wasm").statusCode());

            Files.writeString(build.resolve(ProjectMBuild.STATE_FILE), "failed: emcc: command not found\n");
            assertTrue(status(server).startsWith("{\"state\":\"failed\"") && status(server).contains("emcc: command not found"),
                    status(server));

            // The real build (projectm-wasm's, on this test's classpath) lands in the folder.
            for (String name : new String[] {"projectm-layer.js", "projectm-layer.wasm"}) {
                try (InputStream in = getClass().getClassLoader().getResourceAsStream("web/projectm/" + name)) {
                    Files.copy(in, build.resolve(name));
                }
            }
            assertTrue(status(server).startsWith("{\"state\":\"ready\""), status(server));
            HttpResponse<byte[]> wasm = get(server, "/projectm/projectm-layer.wasm");
            assertEquals(200, wasm.statusCode());
            assertEquals("application/wasm", wasm.headers().firstValue("Content-Type").orElse(""));
            assertArrayEquals(Files.readAllBytes(build.resolve("projectm-layer.wasm")), wasm.body());
            assertEquals(404, get(server, "/projectm/build.state").statusCode(), "only the build's files are served");
            assertEquals(404, get(server, "/projectm/..%2fprojectm%2fbuild.log").statusCode());
        } finally {
            server.stop();
            if (previous == null) {
                System.clearProperty("aivj.projectm.dir");
            } else {
                System.setProperty("aivj.projectm.dir", previous);
            }
        }
    }

    @Test
    void aFullBuildIsReadyWithoutAFolder() throws Exception {
        AppServer server = AppServer.start(0);
        try {
            assertEquals("{\"state\":\"ready\",\"message\":\"projectM is ready\"}", status(server));
        } finally {
            server.stop();
        }
    }
}
