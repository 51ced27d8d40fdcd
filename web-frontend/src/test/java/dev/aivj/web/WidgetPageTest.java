package dev.aivj.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.BoundingBox;
import com.sun.net.httpserver.HttpServer;
import dev.aivj.audioio.MusicCache;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The embeddable widget ({@code <aivj-visualizer>}) in headless Chromium against the real server, engine, model,
 * pair library and presets: on the demo article, twice on one page, and with a missing or broken song.
 * Host pages other than the demo, and their songs, are served by Playwright (route) on the server's origin.
 */
class WidgetPageTest {

    private static final int SONG_TIMEOUT_MS = 180_000;

    @RegisterExtension
    static final LiveApp app = new LiveApp();

    private BrowserContext context;
    private Page page;
    private final List<String> pageErrors = new ArrayList<>();


    @BeforeEach
    void openContext() {
        context = app.newContext(1100, 900);
        page = context.newPage();
        page.onPageError(pageErrors::add);
        page.onConsoleMessage(m -> {
            if (m.text().startsWith("AIVJ widget")) System.out.println("WidgetPageTest console: " + m.text());
        });
    }

    @AfterEach
    void closeContext() {
        context.close();
        assertEquals(List.of(), pageErrors, "uncaught errors in the page");
    }

    private String url(String path) {
        return app.server().uri().resolve(path).toString();
    }

    /** Serves a host page at {@code path} on the server's origin (Playwright answers; the server never sees it). */
    private void hostPage(String path, String body) {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>host</title>"
                + "<script src=\"/widget/aivj-visualizer.js\"></script></head><body>" + body + "</body></html>";
        context.route(url(path), route -> route.fulfill(new Route.FulfillOptions()
                .setStatus(200).setContentType("text/html; charset=utf-8").setBody(html)));
    }

    /** Serves a real song from the music cache at {@code path}. */
    private void song(String path, Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.route(url(path), route -> route.fulfill(new Route.FulfillOptions()
                .setStatus(200).setContentType("audio/ogg").setBodyBytes(bytes)));
    }

    private Locator widget(String selector) {
        return page.locator(selector);
    }

    /** Waits until the widget has settled (ready or error) and returns its state. */
    private String settle(String selector) {
        page.waitForFunction("s => ['ready', 'error'].includes(document.querySelector(s).getAttribute('state'))",
                selector, new Page.WaitForFunctionOptions().setTimeout(SONG_TIMEOUT_MS).setPollingInterval(200));
        return widget(selector).getAttribute("state");
    }

    private String errorOf(String selector) {
        return (String) page.evaluate("s => document.querySelector(s).error", selector);
    }

    /** The embed page inside a widget's iframe. */
    private Frame frameOf(String selector) {
        Frame frame = widget(selector).locator("iframe").elementHandle().contentFrame();
        assertNotNull(frame, "the widget has an iframe");
        return frame;
    }

    private void waitForFrames(Frame frame, int frames) {
        try {
            frame.waitForFunction("f => window.aivjEmbed.playing && window.aivjEmbed.renderedFrames >= f", frames,
                    new Frame.WaitForFunctionOptions().setTimeout(90_000).setPollingInterval(200));
        } catch (TimeoutError e) {
            throw new AssertionError("no " + frames + " frames played: " + frame.evaluate("() => JSON.stringify({"
                    + "state: aivjEmbed.state, playing: aivjEmbed.playing, frames: aivjEmbed.renderedFrames,"
                    + " autoplay: aivjEmbed.autoplay, engines: aivjEmbed.engines, presets: aivjEmbed.presets,"
                    + " notices: aivjEmbed.notices, time: aivjEmbed.currentTime})"), e);
        }
    }

    private static int intOf(Object o) {
        return ((Number) o).intValue();
    }

    @Test
    void demoArticlePlaysItsWidget() {
        page.navigate(url("/demo/article.html"));
        assertTrue(page.locator("article h1").textContent().contains("AIVJ"));
        assertTrue(page.locator("article p").count() >= 6, "an article with real paragraphs");
        assertEquals(1, page.locator("aivj-visualizer").count());
        String selector = "#demo-widget";
        widget(selector).scrollIntoViewIfNeeded();

        long started = System.nanoTime();
        assertEquals("ready", settle(selector), () -> errorOf(selector));
        System.out.printf("WidgetPageTest: demo widget ready after %.1f s%n", (System.nanoTime() - started) / 1e9);

        // The element's size comes from its attributes (640 × 360), and the iframe fills it.
        BoundingBox box = widget(selector + " iframe").boundingBox();
        assertEquals(640, box.width, 1);
        assertEquals(360, box.height, 1);

        Frame frame = frameOf(selector);
        waitForFrames(frame, 10);
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) page.evaluate("s => document.querySelector(s).summary", selector);
        System.out.println("WidgetPageTest: demo summary " + summary);
        assertTrue(((Number) summary.get("tempoBpm")).doubleValue() > 60, "a tempo: " + summary);
        assertTrue(((List<?>) summary.get("pairs")).size() >= 2, "a pair plan: " + summary);
        assertEquals("loaded", summary.get("model"));
        assertEquals("loaded", summary.get("library"));
        assertEquals("", widget(selector).getAttribute("playing"), "the element says it plays (autoplay)");
        assertEquals("loaded", frame.evaluate("() => window.aivjEmbed.library.status"));
        assertNotNull(frame.evaluate("() => window.aivjEmbed.currentPair"), "the pair plan drives the layers");

        // The controls are there: pause and play again.
        frame.locator("#play-pause").click();
        assertEquals(false, frame.evaluate("() => window.aivjEmbed.playing"));
        page.waitForFunction("s => !document.querySelector(s).hasAttribute('playing')", selector);
        int frames = intOf(frame.evaluate("() => window.aivjEmbed.renderedFrames"));
        frame.locator("#play-pause").click();
        waitForFrames(frame, frames + 5);

        // Thumbs in the bar teach the viewer's taste, logged in the widget's own storage.
        frame.locator("#thumb-up").click();
        frame.waitForFunction("() => window.aivjEmbed.taught === 1");
        assertEquals(true, frame.evaluate("async () => (await window.aivjEmbed.feedbackLog())"
                + ".some((e) => e.event === 'thumb' && e.value === 1 && e.reward === 1)"));

        // The layers drew something (an empty stage measures 0).
        PixelStats drawn = PixelStats.of(widget(selector).screenshot(
                new Locator.ScreenshotOptions().setPath(Path.of("target", "widget-demo.png"))), 8);
        System.out.println("WidgetPageTest: demo widget pixels " + drawn);
        assertTrue(drawn.stdDev() > 3.0, "the widget shows the visuals: " + drawn);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "widget-demo-page.png")));
    }

    @Test
    void twoWidgetsOnOnePagePlayIndependently() {
        song("/test/media/chiptune.ogg", MusicCache.chiptune());
        hostPage("/test/two-widgets.html",
                "<h1>Two widgets</h1>"
                + "<aivj-visualizer id=\"a\" src=\"/test/media/chiptune.ogg\" width=\"480\" height=\"270\""
                + " autoplay controls></aivj-visualizer>"
                + "<aivj-visualizer id=\"b\" src=\"../demo/media/metal-madness.ogg\" width=\"400\" height=\"300\""
                + " autoplay controls></aivj-visualizer>");
        page.navigate(url("/test/two-widgets.html"));

        assertEquals("ready", settle("#a"), () -> errorOf("#a"));
        assertEquals("ready", settle("#b"), () -> errorOf("#b")); // relative src: resolved against the host page
        assertEquals(400, widget("#b").boundingBox().width, 1);

        Frame a = frameOf("#a");
        Frame b = frameOf("#b");
        waitForFrames(a, 5);
        waitForFrames(b, 5);

        // Different songs, different analyses and pair plans.
        double tempoA = ((Number) a.evaluate("() => window.aivjEmbed.analysis.tempo.bpm")).doubleValue();
        double tempoB = ((Number) b.evaluate("() => window.aivjEmbed.analysis.tempo.bpm")).doubleValue();
        double durationA = ((Number) a.evaluate("() => window.aivjEmbed.analysis.durationSeconds")).doubleValue();
        double durationB = ((Number) b.evaluate("() => window.aivjEmbed.analysis.durationSeconds")).doubleValue();
        System.out.printf("WidgetPageTest: chiptune %.1f BPM %.1f s, metal madness %.1f BPM %.1f s%n",
                tempoA, durationA, tempoB, durationB);
        assertNotEquals(durationA, durationB, 1.0);
        Object pairsA = a.evaluate("() => window.aivjEmbed.analysis.pairs.map(p => [p.fg, p.bg])");
        Object pairsB = b.evaluate("() => window.aivjEmbed.analysis.pairs.map(p => [p.fg, p.bg])");
        System.out.println("WidgetPageTest: pairs chiptune " + pairsA + ", metal madness " + pairsB);
        assertNotEquals(pairsA, pairsB, "different pair plans");

        // Pausing one leaves the other playing.
        a.locator("#play-pause").click();
        assertEquals(false, a.evaluate("() => window.aivjEmbed.playing"));
        int framesA = intOf(a.evaluate("() => window.aivjEmbed.renderedFrames"));
        int framesB = intOf(b.evaluate("() => window.aivjEmbed.renderedFrames"));
        waitForFrames(b, framesB + 5);
        assertEquals(true, b.evaluate("() => window.aivjEmbed.playing"));
        assertEquals(framesA, intOf(a.evaluate("() => window.aivjEmbed.renderedFrames")), "the paused one stays still");
        page.waitForFunction("() => !document.getElementById('a').hasAttribute('playing')"
                + " && document.getElementById('b').hasAttribute('playing')");

        // A new size resizes the widget in place: no reload, and it keeps playing.
        page.evaluate("() => document.getElementById('b').setAttribute('width', '320')");
        assertEquals(320, widget("#b iframe").boundingBox().width, 1);
        assertEquals("ready", widget("#b").getAttribute("state"), "a new size does not reload the song");
        page.waitForTimeout(500); // the embed page follows its new size after 250 ms
        waitForFrames(b, intOf(b.evaluate("() => window.aivjEmbed.renderedFrames")) + 3);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "widget-two.png")));
    }

    /**
     * Another site: its own loopback server on another port, reached as http://localhost:PORT (another origin and
     * site than http://127.0.0.1). A page Playwright makes up could not load the widget from a loopback address
     * (Chrome's local network access rules), so this one is real. Songs: one with CORS, one without.
     */
    private static HttpServer blogSite(String html, byte[] song) throws IOException {
        HttpServer blog = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        blog.createContext("/blog/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = path.endsWith(".ogg") ? song : html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", path.endsWith(".ogg") ? "audio/ogg" : "text/html; charset=utf-8");
            if (path.endsWith("/shared.ogg")) exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        blog.start();
        return blog;
    }

    @Test
    void anotherSiteEmbedsItWithTheEngineFromTheScriptsServer() throws IOException {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>blog</title>"
                + "<script src=\"" + url("/widget/aivj-visualizer.js") + "\"></script></head><body>"
                + "<h1>A blog post</h1>"
                + "<aivj-visualizer id=\"shared\" src=\"media/shared.ogg\" autoplay></aivj-visualizer>"
                + "<aivj-visualizer id=\"private\" src=\"media/no-cors.ogg\"></aivj-visualizer>"
                + "</body></html>";
        HttpServer blog = blogSite(html, Files.readAllBytes(MusicCache.chiptune()));
        try {
            String site = "http://localhost:" + blog.getAddress().getPort();
            List<String> requests = new ArrayList<>();
            context.onRequest(r -> requests.add(r.url()));
            page.navigate(site + "/blog/post.html");

            assertEquals("ready", settle("#shared"), () -> errorOf("#shared"));
            waitForFrames(frameOf("#shared"), 5);
            assertTrue(requests.contains(url("/engine/aivj-engine.wasm")), "the engine from the script's server");
            assertTrue(requests.contains(url("/models/music-v1/weights.bin")), "the model from the script's server");
            assertTrue(requests.stream().filter(u -> u.startsWith(site) && !u.endsWith("/favicon.ico"))
                    .allMatch(u -> u.startsWith(site + "/blog/")), "only the page and its songs from the site: " + requests);

            assertEquals("error", settle("#private"));
            String shown = page.frameLocator("#private iframe").locator("#error").textContent();
            System.out.println("WidgetPageTest: #private shows: " + shown);
            assertTrue(shown.startsWith("Could not load “no-cors.ogg”: the request failed") && shown.contains("CORS"),
                    shown);
        } finally {
            blog.stop(0);
        }
    }

    @Test
    void aMissingOrBrokenSongShowsAClearErrorAndThePageStaysUsable() {
        context.route(url("/test/media/not-a-song.mp3"), route -> route.fulfill(new Route.FulfillOptions()
                .setStatus(200).setContentType("audio/mpeg")
                .setBody("This is a shopping list, not an MP3.\n".repeat(200))));
        song("/test/media/chiptune.ogg", MusicCache.chiptune());
        hostPage("/test/errors.html",
                "<p><input id=\"note\" value=\"\"></p>"
                + "<aivj-visualizer id=\"missing\" src=\"/demo/media/no-such-song.ogg\"></aivj-visualizer>"
                + "<aivj-visualizer id=\"broken\" src=\"/test/media/not-a-song.mp3\"></aivj-visualizer>"
                + "<aivj-visualizer id=\"page\" src=\"/licenses.html\"></aivj-visualizer>"
                + "<aivj-visualizer id=\"none\"></aivj-visualizer>"
                + "<script>window.errors = []; document.addEventListener('aivj-error',"
                + " (e) => window.errors.push(e.target.id + ': ' + e.detail.message));</script>");
        page.navigate(url("/test/errors.html"));

        Map<String, String> expected = Map.of(
                "missing", "Could not load “no-such-song.ogg”: HTTP 404",
                "broken", "Could not decode “not-a-song.mp3”: it is not an audio file",
                "page", "Could not play “licenses.html”: it is not an audio file (the server sent text/html)",
                "none", "No song: give the <aivj-visualizer> element a src attribute");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String selector = "#" + e.getKey();
            assertEquals("error", settle(selector), selector);
            String shown = page.frameLocator(selector + " iframe").locator("#error").textContent();
            System.out.println("WidgetPageTest: " + selector + " shows: " + shown);
            assertTrue(shown.startsWith(e.getValue()), selector + " shows: " + shown);
            assertEquals(shown, errorOf(selector), "the element's error is the text shown");
            assertTrue(page.frameLocator(selector + " iframe").locator("#error").isVisible());
        }
        assertEquals(480, widget("#none").boundingBox().width, 1, "the default size");
        assertEquals(270, widget("#none").boundingBox().height, 1, "the default size");
        page.waitForFunction("() => window.errors.length >= 4");
        @SuppressWarnings("unchecked")
        List<String> events = (List<String>) page.evaluate("() => window.errors");
        assertEquals(4, events.size(), "one aivj-error event per widget: " + events);

        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "widget-errors.png")));

        // The page stays usable, and a widget given a real song afterwards recovers.
        page.locator("#note").fill("still typing");
        assertEquals("still typing", page.inputValue("#note"));
        // (Its pair library is pointed at nothing: the song still plays, without a pair plan.)
        page.evaluate("() => { const w = document.getElementById('missing');"
                + " w.setAttribute('pairs', '/nowhere/pair-library.json'); w.setAttribute('src', '/test/media/chiptune.ogg'); }");
        page.waitForFunction("() => document.getElementById('missing').getAttribute('state') !== 'error'");
        assertEquals("ready", settle("#missing"), () -> errorOf("#missing"));
        assertEquals("absent", page.evaluate("() => document.getElementById('missing').summary.library"));
        assertEquals("loaded", page.evaluate("() => document.getElementById('missing').summary.model"));
        page.frameLocator("#missing iframe").locator("#play").click(); // no autoplay: the play button
        waitForFrames(frameOf("#missing"), 3);
    }
}
