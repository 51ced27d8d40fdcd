package dev.aivj.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.aivj.audioio.MusicCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Progressive analysis in the real page: a whole song ("Metal madness", minutes long) starts playing on the plan of
 * its opening (state 'opening') before the whole song is analysed, and the whole song's plan then takes over
 * without a cut: the pair on at that moment stays until the whole plan's next section boundary.
 */
class ProgressiveShowTest {
    @RegisterExtension
    static final LiveApp app = new LiveApp();

    /** Every animation frame: what the show is doing, recorded in the page from the start. */
    private static final String RECORDER = "window.__frames = []; const record = () => { const a = window.aivj;"
            + " if (a) { const p = a.currentPair && a.currentPair.pair;"
            + "   window.__frames.push({ t: performance.now(), state: a.state, playing: a.playing,"
            + "     time: a.currentTime, planSeconds: a.analysis ? a.analysis.durationSeconds : null,"
            + "     fg: p ? p.fg : null, bg: p ? p.bg : null, history: a.pairHistory.length }); }"
            + " requestAnimationFrame(record); }; requestAnimationFrame(record);";

    @Test
    @SuppressWarnings("unchecked")
    void longSongPlaysOnItsOpeningPlanThenTheWholePlanTakesOverWithoutACut() {
        List<String> pageErrors = new ArrayList<>();
        try (BrowserContext context = app.newContext(800, 600)) {
            Page page = context.newPage();
            page.onPageError(pageErrors::add);
            page.addInitScript(RECORDER);
            page.navigate(app.server().uri().toString());
            page.waitForFunction("() => window.aivj && window.aivj.state === 'idle'");
            page.locator("#file-input").setInputFiles(MusicCache.sectoidSong("Metal madness"));
            page.waitForFunction("() => ['ready', 'error'].includes(window.aivj.state)", null,
                    new Page.WaitForFunctionOptions().setTimeout(120_000).setPollingInterval(100));
            assertEquals("ready", page.evaluate("() => window.aivj.state"), () -> page.textContent("#error"));
            page.waitForTimeout(300);
            double songSeconds = num(page.evaluate("() => window.aivj.analysis.durationSeconds"));
            assertTrue(songSeconds > 120, "the whole song's plan: " + songSeconds + " s");

            List<Map<String, Object>> frames = (List<Map<String, Object>>) page.evaluate("() => window.__frames");
            Map<String, Object> firstOpening = frames.stream().filter(f -> "opening".equals(f.get("state")))
                    .findFirst().orElseThrow(() -> new AssertionError("no frame in state 'opening'"));
            double openingSeconds = num(firstOpening.get("planSeconds"));
            assertTrue(openingSeconds >= 10 && openingSeconds <= 20,
                    "the opening's plan covers the song's first seconds: " + openingSeconds + " s");
            assertTrue(frames.stream().anyMatch(f -> "opening".equals(f.get("state"))
                    && Boolean.TRUE.equals(f.get("playing"))), "the song plays on the opening's plan");

            Map<String, Object> firstReady = frames.stream().filter(f -> "ready".equals(f.get("state")))
                    .findFirst().orElseThrow();
            double takeOver = num(firstReady.get("time"));
            Map<String, Object> lastOpening = frames.get(frames.indexOf(firstReady) - 1);
            assertEquals(List.of(lastOpening.get("fg"), lastOpening.get("bg")),
                    List.of(firstReady.get("fg"), firstReady.get("bg")), "the pair on stays when the whole plan arrives");

            // Pairs shown after the take-over change only at the whole plan's section boundaries.
            List<Map<String, Object>> pairs = (List<Map<String, Object>>) page.evaluate("() => window.aivj.analysis.pairs");
            List<Map<String, Object>> history = (List<Map<String, Object>>) page.evaluate("() => window.aivj.pairHistory");
            for (Map<String, Object> shown : history.subList(((Number) firstReady.get("history")).intValue(),
                    history.size())) {
                double at = num(shown.get("at"));
                assertTrue(pairs.stream().anyMatch(p -> Math.abs(num(p.get("start")) - at) < 0.5),
                        "a pair change at " + at + " s after the take-over at " + takeOver
                                + " s is on a boundary of the whole plan");
            }
            System.out.printf("ProgressiveShowTest: opening plan %.1f s of %.1f s; whole plan took over at %.2f s "
                    + "of playback%n", openingSeconds, songSeconds, takeOver);
        }
        assertEquals(List.of(), pageErrors, "uncaught errors in the page");
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }
}
