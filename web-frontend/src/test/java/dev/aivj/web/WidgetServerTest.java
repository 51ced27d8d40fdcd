package dev.aivj.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.audioio.MusicCache;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the server does for the widget: its files, a framable embed page, and the demo article's songs. */
class WidgetServerTest {

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

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    @Test
    void servesTheWidgetScriptAndItsEmbedPage() throws Exception {
        HttpResponse<byte[]> script = send("GET", "/widget/aivj-visualizer.js");
        assertEquals(200, script.statusCode());
        assertTrue(new String(script.body(), StandardCharsets.UTF_8).contains("customElements.define(TAG"));
        for (String path : new String[] {"/widget/embed.js", "/widget/embed.css", "/demo/article.html"}) {
            assertEquals(200, send("GET", path).statusCode(), path);
        }
    }

    @Test
    void onlyTheEmbedPageMayBeFramedByOtherSites() throws Exception {
        String embed = header(send("GET", "/widget/embed.html"), "Content-Security-Policy");
        assertTrue(embed.contains("frame-ancestors *"), embed);
        assertTrue(embed.contains("script-src 'self' "), "scripts still only from this origin: " + embed);
        for (String path : new String[] {"/", "/demo/article.html", "/licenses.html"}) {
            String policy = header(send("GET", path), "Content-Security-Policy");
            assertTrue(policy.contains("frame-ancestors 'none'"), path + ": " + policy);
            assertTrue(policy.contains("connect-src 'self' blob:;"), "own origin and the page's own files: " + policy);
        }
    }

    @Test
    void servesTheDemoSongsFromTheMusicCache() throws Exception {
        HttpResponse<byte[]> song = send("GET", "/demo/media/metal-madness.ogg");
        assertEquals(200, song.statusCode());
        assertEquals("audio/ogg", header(song, "Content-Type"));
        assertArrayEquals(Files.readAllBytes(MusicCache.sectoidSong("Metal madness")), song.body());
        HttpResponse<byte[]> head = send("HEAD", "/demo/media/chiptune.ogg");
        assertEquals(200, head.statusCode());
        assertEquals(Long.toString(Files.size(MusicCache.chiptune())), header(head, "Content-Length"));
        assertEquals(405, send("POST", "/demo/media/chiptune.ogg").statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/demo/media/", "/demo/media/song.ogg", "/demo/media/chiptune.ogg/x",
        "/demo/media/%2e%2e/%2e%2e/index.html", "/demo/media/Metal%20madness/song.ogg", "/demo/media/chiptune.OGG"})
    void servesNothingElseUnderDemoMedia(String path) throws Exception {
        assertEquals(404, send("GET", path).statusCode(), path);
    }
}
