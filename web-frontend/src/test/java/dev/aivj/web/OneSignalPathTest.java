package dev.aivj.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import dev.aivj.audioio.MusicCache;
import dev.aivj.cli.AnalyzeCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One real song through the page (a dropped file), the widget (an {@code <aivj-visualizer src>} on a host page)
 * and {@code ./aivj analyze}: all three decode it with the page's song/analysis-signal.js and must give the same
 * plan (the same sections and pairs, every number within 1e-4 — the page and the widget run the engine in Wasm,
 * the CLI on HotSpot).
 */
class OneSignalPathTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TOLERANCE = 1e-4;
    private static final double SONG_TIMEOUT_MS = 180_000;

    @RegisterExtension
    static final LiveApp app = new LiveApp();

    @Test
    void thePageTheWidgetAndTheCliGiveTheSamePlan() throws Exception {
        Path song = MusicCache.sectoidSong("Metal madness");
        JsonNode cli = cliPlan(song);
        JsonNode page;
        JsonNode widget;
        BrowserContext context = app.newContext(1000, 800);
        try {
            page = pagePlan(context.newPage(), song);
            widget = widgetPlan(context, song);
        } finally {
            context.close();
        }
        assertTrue(cli.path("pairs").size() > 1 && cli.path("segments").size() > 1,
                "a song with several sections and pairs: " + cli.path("pairs").size() + " pairs");
        System.out.printf("OneSignalPathTest: %s, %d sections, %d pairs, first pair %s / %s%n", song.getFileName(),
                cli.path("segments").size(), cli.path("pairs").size(),
                cli.path("pairs").get(0).path("fg").asText(), cli.path("pairs").get(0).path("bg").asText());
        List<String> pageVsCli = new ArrayList<>();
        compare("", page, cli, pageVsCli);
        List<String> widgetVsPage = new ArrayList<>();
        compare("", widget, page, widgetVsPage);
        assertEquals(List.of(), pageVsCli, "the page's plan vs ./aivj analyze's");
        assertEquals(List.of(), widgetVsPage, "the widget's plan vs the page's");
    }

    private static JsonNode cliPlan(Path song) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AnalyzeCommand.run(new String[] {song.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }

    private static JsonNode pagePlan(Page page, Path song) throws Exception {
        page.navigate(app.server().uri().toString());
        page.waitForFunction("() => window.aivj && window.aivj.state === 'idle'");
        page.locator("#file-input").setInputFiles(song);
        page.waitForFunction("() => ['ready', 'error'].includes(window.aivj.state)", null,
                new Page.WaitForFunctionOptions().setTimeout(SONG_TIMEOUT_MS).setPollingInterval(200));
        assertEquals("ready", page.evaluate("() => window.aivj.state"), () -> "page: " + page.evaluate(
                "() => String(window.aivj.error)"));
        return JSON.readTree((String) page.evaluate("() => JSON.stringify(window.aivj.analysis)"));
    }

    private static JsonNode widgetPlan(BrowserContext context, Path song) throws Exception {
        byte[] bytes = Files.readAllBytes(song);
        String host = app.server().uri().resolve("/test/one-signal-path.html").toString();
        context.route(app.server().uri().resolve("/test/media/song.ogg").toString(), route -> route.fulfill(
                new Route.FulfillOptions().setStatus(200).setContentType("audio/ogg").setBodyBytes(bytes)));
        context.route(host, route -> route.fulfill(new Route.FulfillOptions().setStatus(200)
                .setContentType("text/html; charset=utf-8").setBody("<!doctype html><html lang=\"en\"><head>"
                        + "<meta charset=\"utf-8\"><title>host</title><script src=\"/widget/aivj-visualizer.js\">"
                        + "</script></head><body><aivj-visualizer id=\"w\" src=\"/test/media/song.ogg\">"
                        + "</aivj-visualizer></body></html>")));
        Page page = context.newPage();
        page.navigate(host);
        page.waitForFunction("() => ['ready', 'error'].includes(document.querySelector('#w').getAttribute('state'))",
                null, new Page.WaitForFunctionOptions().setTimeout(SONG_TIMEOUT_MS).setPollingInterval(200));
        Frame frame = page.locator("#w iframe").elementHandle().contentFrame();
        assertEquals("ready", frame.evaluate("() => window.aivjEmbed.state"),
                () -> "widget: " + frame.evaluate("() => String(window.aivjEmbed.error)"));
        return JSON.readTree((String) frame.evaluate("() => JSON.stringify(window.aivjEmbed.analysis)"));
    }

    /**
     * Every field of {@code actual} (the browser's plan) against {@code expected}: strings, booleans and nulls
     * equal, numbers within {@link #TOLERANCE} (relative above 1), arrays of the same length. Adds one line per
     * difference to {@code differences} (at most 20).
     */
    private static void compare(String at, JsonNode actual, JsonNode expected, List<String> differences) {
        if (differences.size() >= 20) {
            return;
        }
        if (actual.isNumber() && expected.isNumber()) {
            double a = actual.asDouble();
            double e = expected.asDouble();
            if (Math.abs(a - e) > TOLERANCE * Math.max(1, Math.max(Math.abs(a), Math.abs(e)))) {
                differences.add(at + ": " + a + " vs " + e);
            }
        } else if (actual.isArray() && expected.isArray()) {
            if (actual.size() != expected.size()) {
                differences.add(at + ": " + actual.size() + " items vs " + expected.size());
                return;
            }
            for (int i = 0; i < actual.size(); i++) {
                compare(at + "[" + i + "]", actual.get(i), expected.get(i), differences);
            }
        } else if (actual.isObject() && expected.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = actual.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!expected.has(field.getKey())) {
                    differences.add(at + "." + field.getKey() + ": missing");
                } else {
                    compare(at + "." + field.getKey(), field.getValue(), expected.get(field.getKey()), differences);
                }
            }
        } else if (!actual.equals(expected)) {
            differences.add(at + ": " + actual + " vs " + expected);
        }
    }
}
