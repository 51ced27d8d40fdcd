package dev.aivj.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real HTTP server on an ephemeral 127.0.0.1 port. */
class AppServerTest {

    private static AppServer server;
    private static HttpClient http;

    @BeforeAll
    static void start() throws IOException {
        server = AppServer.start(0);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<byte[]> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.uri().resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return send("GET", path);
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** Sends a request line as is (no client-side normalisation of "..") and returns the status line and body. */
    private static String rawGet(String target) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 5000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void bindsToLoopbackOnAnEphemeralPort() {
        assertTrue(server.port() > 0);
        assertEquals("http://127.0.0.1:" + server.port() + "/", server.uri().toString());
    }

    @Test
    void servesTheIndexPage() throws Exception {
        HttpResponse<byte[]> response = get("/");
        assertEquals(200, response.statusCode());
        assertEquals("text/html; charset=utf-8", contentType(response));
        String html = new String(response.body(), StandardCharsets.UTF_8);
        assertTrue(html.contains("id=\"feature-plot\""), html);
        assertTrue(html.contains("id=\"layer-bg\"") && html.contains("id=\"layer-fg\""));
        assertEquals("no-cache", response.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("").contains("'wasm-unsafe-eval'"));
        assertArrayEquals(response.body(), get("/index.html").body());
    }

    @Test
    void servesTheWasmEngineAndItsLoader() throws Exception {
        HttpResponse<byte[]> wasm = get("/engine/aivj-engine.wasm");
        assertEquals(200, wasm.statusCode(), "is the wasm-build jar on the classpath?");
        assertEquals("application/wasm", contentType(wasm));
        byte[] magic = {0, 'a', 's', 'm'};
        assertArrayEquals(magic, java.util.Arrays.copyOf(wasm.body(), 4));

        HttpResponse<byte[]> loader = get("/engine/aivj-engine.wasm-runtime.js");
        assertEquals(200, loader.statusCode());
        assertEquals("text/javascript; charset=utf-8", contentType(loader));
        assertTrue(new String(loader.body(), StandardCharsets.UTF_8).contains("TeaVM"));
    }

    @Test
    void servesVendoredButterchurnAndOwnScripts() throws Exception {
        HttpResponse<byte[]> butterchurn = get("/vendor/butterchurn/butterchurn.min.js");
        assertEquals(200, butterchurn.statusCode(), "did the build copy node_modules/butterchurn?");
        assertEquals("text/javascript; charset=utf-8", contentType(butterchurn));
        assertEquals("public, max-age=86400", butterchurn.headers().firstValue("Cache-Control").orElse(""));
        for (String script : new String[] {"/app.js", "/engine-client/analysis-worker.js", "/style.css", "/licenses.html"}) {
            assertEquals(200, get(script).statusCode(), script);
        }
    }

    @Test
    void everyListedPresetIsServedAsJson() throws Exception {
        HttpResponse<byte[]> index = get("/presets/index.json");
        assertEquals(200, index.statusCode());
        assertEquals("application/json; charset=utf-8", contentType(index));
        ObjectMapper json = new ObjectMapper();
        JsonNode presets = json.readTree(index.body()).get("presets");
        assertTrue(presets.size() >= 10, "about a dozen presets");
        for (JsonNode preset : presets) {
            String file = preset.get("file").asText();
            String path = "/vendor/butterchurn-presets/presets/"
                    + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20");
            HttpResponse<byte[]> response = get(path);
            assertEquals(200, response.statusCode(), file);
            JsonNode body = json.readTree(response.body());
            assertTrue(body.has("baseVals") && body.has("comp"), file + " is a butterchurn preset");
        }
    }

    @Test
    void unknownPathsAre404() throws Exception {
        for (String path : new String[] {"/nope.html", "/engine/", "/engine", "/vendor/butterchurn/LICENSE",
                "/dev/aivj/web/AppServer.class", "/META-INF/MANIFEST.MF", "/web/index.html"}) {
            HttpResponse<byte[]> response = get(path);
            assertEquals(404, response.statusCode(), path);
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""), path);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../pom.xml", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
        "/engine/..%2f..%2fMETA-INF/MANIFEST.MF", "//etc/passwd", "/..%5c..%5cpom.xml",
        "/%252e%252e/etc/passwd", "/engine/../index.html", "/C:/Windows/win.ini"})
    void traversalIsRefused(String target) throws IOException {
        String response = rawGet(target);
        assertTrue(response.startsWith("HTTP/1.1 404") || response.startsWith("HTTP/1.1 400"), response);
        assertFalse(response.contains("root:"), response);
        assertFalse(response.contains("<project"), response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "OPTIONS", "PATCH"})
    void onlyGetAndHeadAreAllowed(String method) throws Exception {
        HttpResponse<byte[]> response = send(method, "/index.html");
        assertEquals(405, response.statusCode());
        assertEquals("GET, HEAD", response.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void headSendsHeadersWithoutBody() throws Exception {
        HttpResponse<byte[]> get = get("/engine/aivj-engine.wasm");
        HttpResponse<byte[]> head = send("HEAD", "/engine/aivj-engine.wasm");
        assertEquals(200, head.statusCode());
        assertEquals("application/wasm", contentType(head));
        assertEquals(0, head.body().length);
        assertEquals(String.valueOf(get.body().length), head.headers().firstValue("Content-Length").orElse(""));
    }

    @Test
    void etagRevalidationAnswers304() throws Exception {
        String etag = get("/app.js").headers().firstValue("ETag").orElseThrow();
        HttpRequest request = HttpRequest.newBuilder(server.uri().resolve("/app.js"))
                .header("If-None-Match", etag).build();
        assertEquals(304, http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode());
    }

    @Test
    void stopReleasesThePort() throws Exception {
        AppServer other = AppServer.start(0);
        URI uri = other.uri();
        assertEquals(200, http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode());
        other.stop();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), uri.getPort()), 2000);
            throw new AssertionError("port still open after stop()");
        } catch (IOException expected) {
            // refused: the server is gone
        }
    }
}
