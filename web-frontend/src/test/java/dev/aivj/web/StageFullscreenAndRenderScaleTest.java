package dev.aivj.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.BoundingBox;
import dev.aivj.audioio.MusicCache;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fullscreen for the stage and the adaptive render resolution (render-scale.js, stage-resolution.js), in headless
 * Chromium against the real server and real songs. SwiftShader renders the two MilkDrop layers far below 50 fps,
 * so the page must lower its render resolution on its own, and the music must play on untouched.
 */
class StageFullscreenAndRenderScaleTest {

    private static final int SONG_TIMEOUT_MS = 90_000;
    private static final int VIEWPORT_WIDTH = 1000;
    private static final int VIEWPORT_HEIGHT = 900;
    /** Luminance standard deviation (0..255) above which the stage counts as drawn (as in PageTest). */
    private static final double DRAWN_STD_DEV = 3.0;

    @RegisterExtension
    static final LiveApp app = new LiveApp();

    private BrowserContext context;
    private Page page;
    private final List<String> pageErrors = new ArrayList<>();

    @BeforeEach
    void openPage() {
        context = app.newContext(VIEWPORT_WIDTH, VIEWPORT_HEIGHT);
        page = context.newPage();
        page.onPageError(pageErrors::add);
        // The page's own diagnostics (layer warnings, rendering failures), for when a check fails.
        page.onConsoleMessage(m -> {
            if (("warning".equals(m.type()) || "error".equals(m.type())) && !m.text().contains("GL Driver")) {
                System.out.println("StageFullscreenAndRenderScaleTest: console " + m.type() + ": " + m.text());
            }
        });
        page.navigate(app.server().uri().toString());
        page.waitForFunction("() => window.aivj && window.aivj.state === 'idle'");
    }

    @AfterEach
    void closePage() {
        context.close();
        assertEquals(List.of(), pageErrors, "uncaught errors in the page");
    }

    private void playSong(Path song) {
        page.locator("#file-input").setInputFiles(song);
        page.waitForFunction("() => ['ready', 'error'].includes(window.aivj.state)", null,
                new Page.WaitForFunctionOptions().setTimeout(SONG_TIMEOUT_MS).setPollingInterval(200));
        assertEquals("ready", page.evaluate("() => window.aivj.state"), () -> page.textContent("#error"));
        page.waitForFunction("() => window.aivj.playing && window.aivj.renderedFrames >= 2", null,
                new Page.WaitForFunctionOptions().setTimeout(SONG_TIMEOUT_MS).setPollingInterval(200));
    }

    private long lapStart = System.nanoTime();

    /** Prints how long the step that just ended took (the page is slow in software WebGL). */
    private void lap(String what) {
        long now = System.nanoTime();
        System.out.printf("StageFullscreenAndRenderScaleTest: %-22s %5.1f s%n", what, (now - lapStart) / 1e9);
        lapStart = now;
    }

    private Object js(String expression) {
        return page.evaluate(expression);
    }

    private double number(String expression) {
        return ((Number) page.evaluate(expression)).doubleValue();
    }

    private static List<Double> doubles(List<? extends Number> numbers) {
        return numbers.stream().map(Number::doubleValue).toList();
    }

    // ---- the stepping logic, fed synthetic frame times ----------------------------------------------------------

    /** Feeds `RenderScale`s frames at chosen rates and returns what they did (times in ms, scales). */
    private static final String STEPPING_SCRIPT = """
            async () => {
              const { RenderScale, SCALE_STEPS, drawingSize, lowestUsefulStep } = await import('/stage/render-scale.js');
              // Frames at fpsOf(scale) for `ms` from `start`: the end time and the changes [time, scale].
              const run = (r, start, ms, fpsOf) => {
                let t = start;
                const changes = [];
                while (t < start + ms) {
                  t += 1000 / fpsOf(r.scale);
                  if (r.frame(t)) changes.push([Math.round(t), r.scale]);
                }
                return { t, changes };
              };
              const r = new RenderScale();
              const slowShort = run(r, 0, 1800, () => 45);            // under 2 s of slow frames: nothing yet
              const slowLong = run(r, slowShort.t, 20000, () => 45);  // one step at a time down to the last
              const fpsSlow = r.fps;
              // Far below (10 fps): straight to the last step, as even 0.5 could not reach 50 fps (40 at best).
              const far = run(new RenderScale(), 0, 5000, () => 10);
              // 3 fps: 2 s are only 6 frames, too few to judge; the step waits for 12 frames (4 s).
              const crawl = run(new RenderScale(), 0, 10000, () => 3);
              // limit(2) (a stage where 0.35 would go under the 480-px floor): 0.5 is the last step.
              const limited = new RenderScale();
              limited.limit(2);
              const farLimited = run(limited, 0, 10000, () => 10);
              const fastShort = run(r, slowLong.t, 4500, () => 60);   // under 5 s of fast frames: nothing yet
              const fastLong = run(r, fastShort.t, 30000, () => 60);  // one step at a time back up to 1
              const fpsFast = r.fps;
              // In the band between 50 and 58 fps neither direction builds up.
              const band = run(new RenderScale(), 0, 30000, () => 54);
              // At 0.75, a rate that swings between 45 and 60 fps every second: each spell is shorter than
              // its threshold, so the scale neither steps down nor up.
              const flicker = new RenderScale();
              let t = run(flicker, 0, 3000, () => 45).t;
              const flickerScale = flicker.scale;
              const flickerChanges = [];
              for (let i = 0; i < 15; i++) {
                const a = run(flicker, t, 1000, () => 45);
                const b = run(flicker, a.t, 1000, () => 60);
                flickerChanges.push(...a.changes, ...b.changes);
                t = b.t;
              }
              // A step up that does not fit (45 fps above scale 0.5, 60 at or below): the tries back off.
              const probe = run(new RenderScale(), 0, 120000, (s) => (s > 0.5 ? 45 : 60));
              // A 3-s gap (hidden tab) between fast frames is not a slow frame.
              const gap = new RenderScale();
              const beforeGap = run(gap, 0, 3000, () => 60);
              const afterGap = run(gap, beforeGap.t + 3000, 3000, () => 60);
              // settle(now, 4000) (a preset loaded and blends): those 4 s are not measured, the 2 s start after.
              const blend = new RenderScale();
              blend.settle(0, 4000);
              const inBlend = run(blend, 0, 5500, () => 10);
              const afterBlend = run(blend, inBlend.t, 1500, () => 10);
              // reset() (paused) forgets the measurement but keeps the scale.
              const paused = new RenderScale();
              run(paused, 0, 3000, () => 45);
              const scaleBeforeReset = paused.scale;
              paused.reset();
              return {
                steps: SCALE_STEPS,
                slowShort: slowShort.changes, slowLong: slowLong.changes, fpsSlow, far: far.changes,
                fastShort: fastShort.changes, fastLong: fastLong.changes, fpsFast,
                band: band.changes, flickerScale, flicker: flickerChanges, probe: probe.changes,
                gap: [...beforeGap.changes, ...afterGap.changes], inBlend: inBlend.changes,
                afterBlend: afterBlend.changes,
                scaleBeforeReset, scaleAfterReset: paused.scale, fpsAfterReset: paused.fps,
                size: drawingSize(704, 396, 2, 0.5),
                floored: drawingSize(720, 405, 1, 0.35, 480),
                lowest: [720, 1000, 1920, 480].map((w) => lowestUsefulStep(SCALE_STEPS, w, 480)),
                farLimited: farLimited.changes, crawl: crawl.changes,
              };
            }""";

    @Test
    @SuppressWarnings("unchecked")
    void renderScaleStepsDownWhenSlowBackUpWhenFastAndDoesNotOscillate() {
        Map<String, Object> r = (Map<String, Object>) page.evaluate(STEPPING_SCRIPT);
        System.out.println("StageFullscreenAndRenderScaleTest: stepping " + r);
        assertEquals(List.of(1.0, 0.75, 0.5, 0.35), doubles((List<Number>) r.get("steps")));

        assertEquals(List.of(), r.get("slowShort"), "no step before 2 s of slow frames");
        List<List<Number>> down = (List<List<Number>>) r.get("slowLong");
        assertEquals(List.of(0.75, 0.5, 0.35), doubles(down.stream().map(c -> c.get(1)).toList()),
                "45 fps steps down one step at a time to the last: " + down);
        assertTrue(down.get(0).get(0).doubleValue() >= 2000, "first step after >= 2 s: " + down);
        for (int i = 1; i < down.size(); i++) {
            assertTrue(down.get(i).get(0).doubleValue() - down.get(i - 1).get(0).doubleValue() >= 3000,
                    "each step down after 1 s to settle and 2 s slow: " + down);
        }
        assertEquals(45, ((Number) r.get("fpsSlow")).doubleValue(), 0.5, "measured rate");
        List<List<Number>> far = (List<List<Number>>) r.get("far");
        assertEquals(List.of(0.35), doubles(far.stream().map(c -> c.get(1)).toList()),
                "10 fps skips the steps that could not reach 50 fps: " + far);

        assertEquals(List.of(), r.get("fastShort"), "no step up before 5 s of fast frames");
        List<List<Number>> up = (List<List<Number>>) r.get("fastLong");
        assertEquals(List.of(0.5, 0.75, 1.0), doubles(up.stream().map(c -> c.get(1)).toList()),
                "60 fps steps back up one step at a time: " + up);
        for (int i = 1; i < up.size(); i++) {
            assertTrue(up.get(i).get(0).doubleValue() - up.get(i - 1).get(0).doubleValue() >= 5000,
                    "steps up at least 5 s apart: " + up);
        }
        assertEquals(60, ((Number) r.get("fpsFast")).doubleValue(), 0.5, "measured rate");

        assertEquals(List.of(), r.get("band"), "54 fps (inside the 50..58 band) changes nothing");
        assertEquals(0.75, ((Number) r.get("flickerScale")).doubleValue());
        assertEquals(List.of(), r.get("flicker"), "1-s spells of 45 and 60 fps change nothing for 30 s");
        assertEquals(List.of(), r.get("gap"), "a gap between frames is not a slow frame");
        assertEquals(List.of(), r.get("inBlend"), "frames while settling are not measured");
        assertEquals(1, ((List<?>) r.get("afterBlend")).size(), "measured after settling: " + r.get("afterBlend"));
        assertEquals(0.75, ((Number) r.get("scaleBeforeReset")).doubleValue());
        assertEquals(0.75, ((Number) r.get("scaleAfterReset")).doubleValue(), "reset keeps the scale");
        assertEquals(null, r.get("fpsAfterReset"), "reset forgets the measurement");
        Map<String, Number> size = (Map<String, Number>) r.get("size");
        assertEquals(List.of(704.0, 396.0), doubles(List.of(size.get("width"), size.get("height"))),
                "CSS size × devicePixelRatio × scale");
        Map<String, Number> floored = (Map<String, Number>) r.get("floored");
        assertEquals(List.of(480.0, 270.0), doubles(List.of(floored.get("width"), floored.get("height"))),
                "never narrower than the floor, same aspect");
        assertEquals(List.of(2.0, 3.0, 3.0, 0.0), doubles((List<Number>) r.get("lowest")),
                "steps worth taking above a 480-px floor at 720, 1000, 1920 and 480 px");
        List<List<Number>> crawl = (List<List<Number>>) r.get("crawl");
        assertEquals(1, crawl.size(), "3 fps steps once, to the last step: " + crawl);
        assertTrue(crawl.get(0).get(0).doubleValue() >= 4000, "not before 12 frames were measured: " + crawl);
        List<List<Number>> farLimited = (List<List<Number>>) r.get("farLimited");
        assertEquals(List.of(0.5), doubles(farLimited.stream().map(c -> c.get(1)).toList()),
                "a limited scaler stops at its last allowed step: " + farLimited);

        // The step above 0.5 is too slow: each try up is taken back, and each next try waits twice as long.
        List<List<Number>> probe = (List<List<Number>>) r.get("probe");
        List<Double> tries = new ArrayList<>();
        for (int i = 1; i < probe.size(); i++) {
            if (probe.get(i).get(1).doubleValue() > probe.get(i - 1).get(1).doubleValue()) {
                tries.add(probe.get(i).get(0).doubleValue());
            }
        }
        assertTrue(tries.size() >= 3, "tries up: " + probe);
        for (int i = 2; i < tries.size(); i++) {
            double before = tries.get(i - 1) - tries.get(i - 2);
            double now = tries.get(i) - tries.get(i - 1);
            assertTrue(now > 1.5 * before, "the tries up back off: " + probe);
        }
        assertTrue(probe.size() <= 12, "at most a few changes in 2 minutes, no oscillation: " + probe);
    }

    // ---- fullscreen --------------------------------------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void fullscreenButtonShowsBothLayersFullscreenAndLeaves() {
        lapStart = System.nanoTime();
        playSong(MusicCache.sectoidSong("Metal madness")); // minutes long: it plays all through the test
        lap("song playing");
        PlaywrightAssertions.assertThat(page.locator("#fullscreen")).hasAttribute("aria-pressed", "false");
        PlaywrightAssertions.assertThat(page.locator("#fullscreen-exit")).isHidden();
        // A manual blend and opacity (the model stops driving the mix) that fullscreen must keep.
        page.selectOption("#blend-mode", "plus-lighter");
        page.locator("#fg-opacity").fill("40");
        String looks = "() => { const s = (id) => getComputedStyle(document.getElementById(id));"
                + " return { fgBlend: s('layer-fg').mixBlendMode, fgOpacity: s('layer-fg').opacity,"
                + " bgOpacity: s('layer-bg').opacity, bgBlend: s('layer-bg').mixBlendMode }; }";
        Map<String, Object> before = (Map<String, Object>) js(looks);
        page.waitForFunction("() => window.aivj.engines.bg && window.aivj.engines.fg", null,
                new Page.WaitForFunctionOptions().setTimeout(SONG_TIMEOUT_MS));
        Object engines = js("() => window.aivj.engines");
        lap("both layers up");

        page.click("#fullscreen");
        page.waitForFunction("() => document.fullscreenElement && document.fullscreenElement.id === 'stage'");
        PlaywrightAssertions.assertThat(page.locator("#fullscreen")).hasAttribute("aria-pressed", "true");
        PlaywrightAssertions.assertThat(page.locator("#fullscreen")).hasText("Exit fullscreen");
        PlaywrightAssertions.assertThat(page.locator("#fullscreen-exit")).isVisible();
        // Both layers fill the screen, keeping their blend and opacity.
        page.locator("#layer-bg").waitFor(); // an engine change swaps a layer's canvas element
        page.locator("#layer-fg").waitFor();
        BoundingBox stage = page.locator("#stage").boundingBox();
        BoundingBox bg = page.locator("#layer-bg").boundingBox();
        BoundingBox fg = page.locator("#layer-fg").boundingBox();
        System.out.printf("StageFullscreenAndRenderScaleTest: fullscreen stage %.0f×%.0f, bg %.0f×%.0f,"
                + " fg %.0f×%.0f%n", stage.width, stage.height, bg.width, bg.height, fg.width, fg.height);
        for (BoundingBox box : List.of(stage, bg, fg)) {
            assertEquals(VIEWPORT_WIDTH, box.width, 1.0, "fills the screen's width");
            assertEquals(VIEWPORT_HEIGHT, box.height, 1.0, "fills the screen's height");
        }
        assertEquals(before, js(looks), "blend and opacity kept in fullscreen");
        // The drawing buffers follow the new size at the current render scale.
        // The drawing buffers take the screen's shape (at the current render scale, never under 480 px wide).
        page.waitForFunction("() => { const c = document.getElementById('layer-bg');"
                + " return c.clientWidth === innerWidth && c.width >= Math.min(480, c.clientWidth * devicePixelRatio)"
                + " && Math.abs(c.height - c.width * c.clientHeight / c.clientWidth) <= 1; }", null,
                new Page.WaitForFunctionOptions().setTimeout(SONG_TIMEOUT_MS).setPollingInterval(100));
        lap("fullscreen, buffers fit");
        System.out.println("StageFullscreenAndRenderScaleTest: fullscreen drawing buffer "
                + js("() => { const c = document.getElementById('layer-bg'); return c.width + '×' + c.height"
                + " + ' at scale ' + window.aivj.renderScale; }"));

        // The button inside the stage leaves fullscreen; the controls' button follows.
        page.click("#fullscreen-exit");
        page.waitForFunction("() => document.fullscreenElement === null");
        PlaywrightAssertions.assertThat(page.locator("#fullscreen")).hasAttribute("aria-pressed", "false");
        PlaywrightAssertions.assertThat(page.locator("#fullscreen")).hasText("Fullscreen");
        PlaywrightAssertions.assertThat(page.locator("#fullscreen-exit")).isHidden();
        assertTrue(page.locator("#stage").boundingBox().width < VIEWPORT_WIDTH, "back in the page");
        lap("left by the button");

        // Leaving another way (Escape is the browser's own, and headless Chromium does not route a synthetic Escape
        // to it; it ends in the same document-level exit): the button follows fullscreenchange.
        page.click("#fullscreen");
        page.waitForFunction("() => document.fullscreenElement !== null");
        js("() => document.exitFullscreen()");
        page.waitForFunction("() => document.fullscreenElement === null");
        PlaywrightAssertions.assertThat(page.locator("#fullscreen")).hasAttribute("aria-pressed", "false");
        assertEquals(true, js("() => window.aivj.playing"), "the music plays on");
        // The layers went through several sizes (fullscreen, steps down, back) on their own engines.
        page.waitForFunction("() => !window.aivj.loadingPresets.bg && !window.aivj.loadingPresets.fg", null,
                new Page.WaitForFunctionOptions().setTimeout(SONG_TIMEOUT_MS));
        lap("left again, settled");
        assertEquals(engines, js("() => window.aivj.engines"), () -> "no layer fell back or stopped: "
                + page.textContent("#notice") + " " + js("() => window.aivj.layerErrors"));
        assertEquals(List.of(), js("() => window.aivj.layerErrors"), "no layer errors");
        assertEquals(2, number("() => document.querySelectorAll('#stage canvas').length"), "two canvases");
    }

    @Test
    void refusedFullscreenIsAClearNotice() {
        // What a browser that refuses does: requestFullscreen() rejects.
        js("() => { Element.prototype.requestFullscreen = function () {"
                + " return Promise.reject(new TypeError('Permissions check failed')); }; }");
        page.click("#fullscreen");
        PlaywrightAssertions.assertThat(page.locator("#notice")).isVisible();
        PlaywrightAssertions.assertThat(page.locator("#notice")).containsText("Fullscreen was refused");
        PlaywrightAssertions.assertThat(page.locator("#notice")).containsText("Permissions check failed");
        PlaywrightAssertions.assertThat(page.locator("#fullscreen")).hasAttribute("aria-pressed", "false");
        System.out.println("StageFullscreenAndRenderScaleTest: notice \"" + page.textContent("#notice") + "\"");
    }

    // ---- adaptive resolution for real ------------------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void slowRenderingLowersTheResolutionAndTheMusicPlaysOn() {
        playSong(MusicCache.sectoidSong("Metal madness"));
        // A sample every 250 ms of what the page measures and plays (performance.now() is the wall clock).
        js("() => { const a = window.aivj; window.__samples = []; window.__take = () => {"
                + " const c = document.getElementById('layer-bg'); window.__samples.push({ at: performance.now(),"
                + " fps: a.fps, scale: a.renderScale, width: c.width, height: c.height, song: a.currentTime,"
                + " audio: a.audioState, playing: a.playing, frames: a.renderedFrames }); };"
                + " window.__take(); window.__sampler = setInterval(window.__take, 250); }");
        Map<String, Object> first = (Map<String, Object>) js("() => window.__samples[0]");
        double fullWidth = number("() => Math.round(document.getElementById('layer-bg').clientWidth"
                + " * devicePixelRatio)");
        assertEquals(1.0, ((Number) first.get("scale")).doubleValue(), "starts at full resolution");

        // SwiftShader: the measured rate falls below 50 fps, and the scale steps down.
        page.waitForFunction("() => window.aivj.fps !== null && window.aivj.fps < 50", null,
                new Page.WaitForFunctionOptions().setTimeout(SONG_TIMEOUT_MS).setPollingInterval(100));
        double slowFps = number("() => window.aivj.fps");
        page.waitForFunction("() => window.aivj.renderScale < 1", null,
                new Page.WaitForFunctionOptions().setTimeout(SONG_TIMEOUT_MS).setPollingInterval(100));
        double framesAtStep = number("() => window.aivj.renderedFrames");
        Map<String, Object> engines = (Map<String, Object>) js("() => window.aivj.engines");
        // Let it go on a few seconds (possibly further steps down), then look at what happened.
        page.waitForTimeout(6000);
        page.waitForFunction("() => !window.aivj.loadingPresets.bg && !window.aivj.loadingPresets.fg", null,
                new Page.WaitForFunctionOptions().setTimeout(SONG_TIMEOUT_MS));
        js("() => { clearInterval(window.__sampler); window.__take(); }");
        List<Map<String, Object>> samples = (List<Map<String, Object>>) js("() => window.__samples");
        Map<String, Object> last = samples.get(samples.size() - 1);
        StringBuilder timeline = new StringBuilder();
        double t0 = ((Number) first.get("at")).doubleValue();
        for (Map<String, Object> s : samples) {
            Object fps = s.get("fps");
            timeline.append(String.format("%n  %5.1f s: %s fps, scale %s, %s×%s px, song %.2f s, audio %s",
                    (((Number) s.get("at")).doubleValue() - t0) / 1000,
                    fps == null ? "–" : String.format("%.1f", ((Number) fps).doubleValue()), s.get("scale"),
                    s.get("width"), s.get("height"), ((Number) s.get("song")).doubleValue(), s.get("audio")));
        }
        System.out.printf("StageFullscreenAndRenderScaleTest: measured %.1f fps; engines %s; readout \"%s\";"
                + " samples:%s%n", slowFps, engines, page.textContent("#render-stats"), timeline);

        // The drawing buffers of both layers shrank to CSS size × devicePixelRatio × the scale.
        double scale = ((Number) last.get("scale")).doubleValue();
        assertTrue(scale < 1, "scale stepped down: " + scale);
        assertTrue(slowFps < 50, "measured below 50 fps: " + slowFps);
        for (String id : List.of("layer-bg", "layer-fg")) {
            Map<String, Number> c = (Map<String, Number>) js("() => { const c = document.getElementById('" + id
                    + "'); return { w: c.width, h: c.height, cssW: c.clientWidth * devicePixelRatio,"
                    + " cssH: c.clientHeight * devicePixelRatio }; }");
            double width = c.get("w").doubleValue();
            double cssWidth = c.get("cssW").doubleValue();
            assertTrue(width < fullWidth, id + " drawing buffer shrank: " + width + " < " + fullWidth);
            assertTrue(width >= Math.min(480, cssWidth), id + " never under 480 px wide: " + c);
            assertEquals(width * c.get("cssH").doubleValue() / cssWidth, c.get("h").doubleValue(), 1.0,
                    id + " keeps the stage's aspect: " + c);
            assertEquals(width / cssWidth, scale, 0.01, id + " renderScale is the buffer's share of the CSS size");
        }
        PlaywrightAssertions.assertThat(page.locator("#render-stats"))
                .hasText(java.util.regex.Pattern.compile("^(\\d+|–) fps · " + Math.round(scale * 100) + " %$"));

        // The music was never touched: the AudioContext runs and the song time kept pace with the clock.
        assertEquals("running", last.get("audio"));
        assertEquals(true, last.get("playing"));
        double wall = (((Number) last.get("at")).doubleValue() - t0) / 1000;
        double song = ((Number) last.get("song")).doubleValue() - ((Number) first.get("song")).doubleValue();
        assertTrue(song > 0.8 * wall && song < 1.2 * wall + 0.5,
                String.format("song time advanced %.2f s in %.2f s of wall time", song, wall));
        double previous = -1;
        for (Map<String, Object> s : samples) {
            double t = ((Number) s.get("song")).doubleValue();
            assertTrue(t >= previous, "song time never goes back: " + timeline);
            assertEquals("running", s.get("audio"), "AudioContext always running: " + timeline);
            previous = t;
        }

        // The layers render on at the new size, on the same engines, and draw a picture.
        double framesAfter = ((Number) last.get("frames")).doubleValue() - framesAtStep;
        assertTrue(framesAfter >= 10, "frames rendered in the 6 s after the step: " + framesAfter);
        assertTrue(engines.get("bg") != null && engines.get("fg") != null, "both layers run: " + engines);
        assertEquals(engines, js("() => window.aivj.engines"), "no engine fell back");
        List<?> errors = (List<?>) js("() => window.aivj.layerErrors.filter(m => /render|resize/.test(m))");
        assertEquals(List.of(), errors, "no rendering or resizing errors");
        SettledStage.await(page, SONG_TIMEOUT_MS); // the picture of the last step, warmed up
        System.out.println("StageFullscreenAndRenderScaleTest: stage " + SettledStage.describe(page));
        page.click("#play-pause");
        PixelStats stage = PixelStats.of(page.locator("#stage").screenshot(
                new Locator.ScreenshotOptions()
                        .setPath(Path.of("target", "stage-after-render-scale.png"))), 8);
        System.out.println("StageFullscreenAndRenderScaleTest: stage after the step " + stage);
        assertTrue(stage.stdDev() > DRAWN_STD_DEV, "the layers draw at the lower resolution: " + stage);
    }
}
