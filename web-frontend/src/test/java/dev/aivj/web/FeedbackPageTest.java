package dev.aivj.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import dev.aivj.audioio.MusicCache;
import dev.aivj.engine.recommend.PairFeatures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Learning from the viewer in the real page, with a real song, the Wasm engine and a real federation server:
 * ratings and implicit signals teach the engine, the log stays in IndexedDB, the "why this pair" view explains the
 * picks, the arm is stable per installation — and every byte that leaves the browser is inspected.
 */
class FeedbackPageTest {
    private static final Path FEDERATION = tempDir();
    private static final String SONG = "Metal madness";

    @RegisterExtension
    static final LiveApp app = new LiveApp(List.of(), FEDERATION);

    private BrowserContext context;
    private Page page;
    private final List<String> pageErrors = new ArrayList<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("aivj-federation-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Page open(String query) {
        if (context == null) {
            context = app.newContext(1100, 1100);
            context.onRequest(requests::add); // the page's and its workers' requests
        }
        page = context.newPage();
        page.onPageError(pageErrors::add);
        page.navigate(app.server().uri() + query);
        page.waitForFunction("() => window.aivj && window.aivj.state === 'idle'");
        page.evaluate("() => window.aivj.feedbackReady()");
        return page;
    }

    @AfterEach
    void close() {
        if (context != null) context.close();
        assertEquals(List.of(), pageErrors, "uncaught errors in the page");
    }

    private void playSong() {
        PlayingSong.play(page, MusicCache.sectoidSong(SONG));
        page.waitForFunction("() => window.aivj.currentPair !== null", null,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
    }

    private Object js(String expression) {
        return page.evaluate(expression);
    }

    private int taught() {
        return ((Number) js("() => window.aivj.feedback.taught")).intValue();
    }

    /** Runs a console action and waits until the engine has learned one more signal from it. */
    private void teach(Runnable action) {
        int before = taught();
        action.run();
        page.waitForFunction("n => window.aivj.feedback.taught > n", before,
                new Page.WaitForFunctionOptions().setTimeout(20_000));
    }

    @Test
    @SuppressWarnings("unchecked")
    void signalsTeachTheEngineAndOnlyAnUpdateLeavesTheBrowser() throws Exception {
        open("?arm=learned");
        playSong();
        // Nothing taught yet: the recommender picks alone, as for ./aivj analyze.
        assertEquals("recommender", js("() => window.aivj.currentPair.pair.why.policy"));
        page.locator("#why-pair summary").click();
        assertTrue(page.textContent("#why-pair-text").contains("of the recommender's"), page.textContent("#why-pair-text"));
        assertTrue(page.textContent("#preference-about").contains("Nothing learned yet"));

        teach(() -> page.locator("#thumb-up").click());
        teach(() -> page.keyboard().press("5"));
        teach(() -> page.locator("[data-stars='4']").click());
        teach(() -> page.keyboard().press("-"));
        teach(() -> page.keyboard().press("n")); // skip: a signal about the pair skipped
        teach(() -> page.keyboard().press("l")); // lock
        teach(() -> page.keyboard().press("1"));
        teach(() -> page.keyboard().press("+"));
        teach(() -> page.keyboard().press("h")); // favourite
        teach(() -> page.keyboard().press("2"));
        assertEquals(10, taught());
        page.waitForFunction("() => window.aivj.feedback.federation.sent === 1", null,
                new Page.WaitForFunctionOptions().setTimeout(20_000));
        page.waitForFunction("() => document.querySelector('#preference-about').textContent.includes('10 signals')");
        assertTrue(page.locator("#preference-list li").count() > 0, "the viewer sees their learned taste");
        assertTrue(page.textContent("#rating-status").contains("learned"));
        // Each signal given on purpose (all but the lock) plans the rest of the song again.
        page.waitForFunction("() => window.aivj.replans >= 9", null, new Page.WaitForFunctionOptions()
                .setTimeout(20_000));
        assertEquals(true, js("() => window.aivj.analysis.pairs.every((p) => p.why.policy === 'learned')"),
                "the song planned again with the learned taste");

        // The log: in IndexedDB, each event with the pair's context, the arm, the engine's reward; no audio.
        List<Map<String, Object>> log = (List<Map<String, Object>>) js("() => window.aivj.feedbackLog()");
        Set<String> kinds = new java.util.TreeSet<>();
        for (Map<String, Object> e : log) {
            kinds.add((String) e.get("event"));
            assertEquals("learned", e.get("arm"));
            assertEquals("aivj-feedback-log-v1", e.get("format"));
            assertEquals(PairFeatures.DIMENSIONS, ((List<?>) e.get("features")).size());
            if (!"shown".equals(e.get("event"))) {
                double reward = ((Number) e.get("reward")).doubleValue();
                assertTrue(reward >= -1 && reward <= 1, e.toString());
            }
        }
        assertTrue(kinds.containsAll(Set.of("shown", "thumb", "rating", "skip", "lock", "favourite")), kinds.toString());
        Map<String, Object> fiveStars = log.stream().filter(e -> "rating".equals(e.get("event"))
                && ((Number) e.get("value")).intValue() == 5).findFirst().orElseThrow();
        assertEquals(1.0, ((Number) fiveStars.get("reward")).doubleValue(), 1e-9);

        Locator panel = page.locator("#pair-panel");
        Files.createDirectories(Path.of("target"));
        panel.screenshot(new Locator.ScreenshotOptions().setPath(Path.of("target", "feedback-rating-and-why.png")));

        // Every byte that left the browser: same origin only; the only bodies are a timings report and the update.
        String installation = (String) js("() => localStorage.getItem('aivj.installation')");
        String origin = app.server().uri().toString();
        int updates = 0;
        for (Request r : List.copyOf(requests)) {
            assertTrue(r.url().startsWith(origin) || r.url().startsWith("blob:") || r.url().startsWith("data:"),
                    "a request to another origin: " + r.url());
            assertFalse(r.url().contains(installation) || r.url().contains("Metal"), r.url());
            byte[] body = r.postDataBuffer();
            if (body == null || body.length == 0) {
                assertTrue(List.of("GET", "HEAD").contains(r.method()), r.method() + " " + r.url());
                continue;
            }
            String path = r.url().substring(origin.length() - 1);
            String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(body.length < 16_384, "a large body (audio?) to " + path + ": " + body.length + " bytes");
            for (String secret : List.of(installation, "Metal", "presets_", "|", "features", "rating", "session")) {
                assertFalse(text.contains(secret), "'" + secret + "' left the browser to " + path + ": " + text);
            }
            JsonObject json = JsonParser.parseString(text).getAsJsonObject();
            if (path.equals("/federated/updates")) {
                updates++;
                assertEquals(Set.of("format", "priorVersion", "delta"), json.keySet());
                assertEquals(PairFeatures.DIMENSIONS, json.getAsJsonArray("delta").size());
            } else {
                assertEquals("/metrics/report", path, "a body sent to " + path + ": " + text);
            }
        }
        assertEquals(1, updates);
        List<String> stored = Files.readAllLines(FEDERATION.resolve("updates.jsonl"));
        assertEquals(1, stored.size());
        assertEquals(Set.of("format", "priorVersion", "delta"), JsonParser.parseString(stored.get(0))
                .getAsJsonObject().keySet());

        // Reset: the learned taste is forgotten (the log stays the viewer's).
        page.locator("#preference-reset").click();
        page.waitForFunction("() => document.querySelector('#preference-about').textContent.includes('Nothing learned')");
        assertEquals(0, page.locator("#preference-list li").count());
    }

    /** Without an A/B test every viewer learns; with one (./aivj serve --ab-test) the arm is the installation's. */
    @Test
    void theArmIsTheInstallationsOwnAcrossVisits() {
        open("");
        Map<?, ?> first = (Map<?, ?>) js("() => window.aivj.feedback");
        assertEquals(true, first.get("installationAssigned"));
        assertEquals("learned", first.get("arm"), "no A/B test on this server");
        String abArm = "async () => { const m = await import('/feedback/installation.js');"
                + " const i = m.installation({ search: '', abTest: true });"
                + " return { arm: i.arm, id: i.id, hashed: m.armOf(localStorage.getItem('aivj.installation')) }; }";
        Map<?, ?> a = (Map<?, ?>) js(abArm);
        assertTrue(Set.of("learned", "weighted-random").contains(a.get("arm")), a.toString());
        assertEquals(a.get("hashed"), a.get("arm"));
        page.reload();
        page.waitForFunction("() => window.aivj && window.aivj.state === 'idle'");
        assertEquals(a, js(abArm), "the same installation, the same arm");
        page.close();
        open("?arm=weighted-random");
        playSong();
        assertEquals("weighted-random", js("() => window.aivj.currentPair.pair.why.policy"));
        page.locator("#why-pair summary").click();
        assertTrue(page.textContent("#why-pair-text").contains("weighted by quality"), page.textContent("#why-pair-text"));
    }

    /** A damaged preference in the browser's storage is said, dropped, and learning starts again; the show goes on. */
    @Test
    void aDamagedStoredPreferenceIsDroppedWithANotice() {
        open("?arm=learned");
        js("async () => { const { FeedbackStore } = await import('/feedback/feedback-store.js');"
                + " await new FeedbackStore().put('preference', '{\"format\":\"aivj-viewer-preference-v1\","
                + "\"dimensions\":5}'); }");
        page.reload();
        page.waitForFunction("() => window.aivj && window.aivj.state === 'idle'");
        page.evaluate("() => window.aivj.feedbackReady()");
        page.waitForFunction("() => document.querySelector('#notice').textContent.includes('learned taste could not"
                + " be used')");
        assertTrue(page.textContent("#notice").contains("5 features"), page.textContent("#notice"));
        playSong();
        assertEquals("learned", js("() => window.aivj.feedback.arm"));
        assertEquals("recommender", js("() => window.aivj.currentPair.pair.why.policy"), "learning starts again");
        assertEquals(null, js("async () => { const { FeedbackStore } = await import('/feedback/feedback-store.js');"
                + " return (await new FeedbackStore().get('preference')) ?? null; }"));
    }
}
