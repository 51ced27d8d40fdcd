package dev.aivj.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.aivj.audioio.MusicCache;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * projectM (WebAssembly/WebGL2) layers in headless Chromium: the Layer classes on a test-only harness page, and
 * the real page with two projectM layers. The projectM preset library is served from test resources (two real
 * presets of Debian's projectm-data, see src/test/resources/projectm-presets/README.md) with a route.
 */
class ProjectMLayerTest {

    private static final String MD1 = "/presets/projectm/presets_milkdrop/aderrasi-agitator.milk";
    private static final String MD2 = "/presets/projectm/presets_milkdrop_200/unchained-furious-spirals-remix-steady.milk";
    private static final String MD1_ID = "presets_milkdrop/aderrasi-agitator";
    private static final String MD2_ID = "presets_milkdrop_200/unchained-furious-spirals-remix-steady";
    private static final String MALFORMED_ID = "broken/not-a-preset";
    /** Luminance standard deviation (0..255) above which a canvas counts as drawn (as in PageTest). */
    private static final double DRAWN_STD_DEV = 3.0;
    /** Where the song plays loud (s). */
    private static final double SONG_OFFSET = 40.0;
    private static final int SONG_TIMEOUT_MS = 120_000;

    @RegisterExtension
    static final LiveApp app = new LiveApp();
    private static Path presetDir;
    private static Path song;

    private BrowserContext context;
    private Page page;
    private final List<String> pageErrors = new ArrayList<>();

    @BeforeAll
    static void findPresetsAndSong() throws Exception {
        presetDir = Path.of(resource("/projectm-presets/index.json").toURI()).getParent();
        song = MusicCache.sectoidSong("Metal madness");
    }

    @BeforeEach
    void newContext() {
        context = app.newContext(1000, 900);
        context.route("**/presets/projectm/**", ProjectMLayerTest::servePreset);
        // These tests choose the layers' presets themselves; the engine's pair plan (which names presets of the
        // whole library) is PairShowPageTest's subject, so the page gets no pair library here.
        context.route("**/pairs/pair-library.json", route -> route.fulfill(new Route.FulfillOptions().setStatus(404)));
        context.route("**/test/song.ogg", route -> route.fulfill(new Route.FulfillOptions()
                .setStatus(200).setContentType("audio/ogg").setPath(song)));
        page = context.newPage();
        page.onPageError(error -> pageErrors.add(error));
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) System.out.println("ProjectMLayerTest: console error: " + m.text());
        });
    }

    @AfterEach
    void closeContext() {
        context.close();
        assertEquals(List.of(), pageErrors, "uncaught errors in the page");
    }

    private static URL resource(String name) {
        URL url = ProjectMLayerTest.class.getResource(name);
        if (url == null) throw new AssertionError("test resource missing: " + name);
        return url;
    }

    /** Serves /presets/projectm/** from src/test/resources/projectm-presets (404 when absent). */
    private static void servePreset(Route route) {
        String path = URI.create(route.request().url()).getPath();
        String rel = path.substring(path.indexOf("/presets/projectm/") + "/presets/projectm/".length());
        Path file = presetDir.resolve(rel).normalize();
        if (!file.startsWith(presetDir) || !Files.isRegularFile(file)) {
            route.fulfill(new Route.FulfillOptions().setStatus(404).setBody("not found"));
            return;
        }
        route.fulfill(new Route.FulfillOptions().setStatus(200).setPath(file)
                .setContentType(rel.endsWith(".json") ? "application/json" : "text/plain; charset=utf-8"));
    }

    // ---- the Layer classes on the harness page ------------------------------------------------------------

    private void openHarness() {
        page.navigate(app.server().uri().resolve("/test/layer-harness.html").toString());
        page.waitForFunction("() => window.harnessReady === true && window.butterchurn");
        page.evaluate("() => harness.setup('/test/song.ogg')");
    }

    private Map<?, ?> load(String id, String preset) {
        return (Map<?, ?>) page.evaluate("([id, p]) => harness.load(id, p, 0)", List.of(id, preset));
    }

    private double num(Object value) {
        return ((Number) value).doubleValue();
    }

    @Test
    void pictureChangesWithTheMusicMoreThanWithSilence() {
        openHarness();
        page.evaluate("() => harness.create('a', 'projectm', 160, 120)");
        int frames = 16;
        for (String preset : List.of(MD1, MD2)) {
            // projectM animates on the wall clock, so one round's frame differences move with the machine's load:
            // music must move the picture more than silence in at least 2 of 3 rounds.
            int musicAhead = 0;
            List<String> rounds = new ArrayList<>();
            for (int round = 0; round < 3 && musicAhead < 2 && round - musicAhead < 2; round++) {
                assertEquals(true, load("a", preset).get("ok"), preset);
                page.evaluate("() => harness.run(['a'], 'silence', 3)");
                Map<?, ?> quiet = (Map<?, ?>) page.evaluate("n => harness.motion('a', 'silence', n)", frames);
                assertEquals(true, load("a", preset).get("ok"), preset);
                page.evaluate("t => harness.playMusic(t)", SONG_OFFSET);
                page.evaluate("() => harness.run(['a'], 'music', 3)");
                Map<?, ?> loud = (Map<?, ?>) page.evaluate("n => harness.motion('a', 'music', n)", frames);
                page.evaluate("() => harness.stopMusic()");
                System.out.printf("ProjectMLayerTest: %s frame difference: music %.2f (rms %.3f), silence %.2f (rms %.3f)%n",
                        preset.substring(preset.lastIndexOf('/') + 1), num(loud.get("meanFrameDiff")),
                        num(loud.get("meanRms")), num(quiet.get("meanFrameDiff")), num(quiet.get("meanRms")));
                assertEquals(0.0, num(quiet.get("meanRms")), 1e-6, "the silent tap is silent");
                assertTrue(num(loud.get("meanRms")) > 0.02, "the music tap hears the song: " + loud);
                musicAhead += num(loud.get("meanFrameDiff")) > num(quiet.get("meanFrameDiff")) ? 1 : 0;
                rounds.add(loud + " vs " + quiet);
            }
            assertTrue(musicAhead >= 2, preset + ": music moves the picture more than silence: " + rounds);
        }
    }

    @Test
    void malformedPresetIsRejectedAndThePreviousOneKeepsRendering() {
        openHarness();
        page.evaluate("() => harness.create('a', 'projectm', 160, 120)");
        assertEquals(true, load("a", MD1).get("ok"));
        page.evaluate("() => harness.run(['a'], 'silence', 5)");
        Map<?, ?> bad = load("a", "/presets/projectm/broken/not-a-preset.milk");
        assertEquals(false, bad.get("ok"));
        String message = (String) bad.get("message");
        assertTrue(message.contains("parse"), message);
        List<?> events = (List<?>) page.evaluate("() => harness.events.filter(e => e.type === 'error')");
        assertEquals(1, events.size(), events::toString);
        assertEquals(message, ((Map<?, ?>) events.get(0)).get("message"));
        page.evaluate("() => harness.run(['a'], 'silence', 8)");
        PixelStats after = PixelStats.of(page.locator("#a").screenshot());
        assertTrue(after.stdDev() > DRAWN_STD_DEV, "previous preset still drawn: " + after);
        System.out.println("ProjectMLayerTest: malformed preset rejected: " + message + "; after: " + after);
    }

    /** Prints (does not assert) projectM frame rates at 640x480 and the module sizes. */
    @Test
    void framesPerSecondAndModuleSizes() throws Exception {
        openHarness();
        page.evaluate("() => harness.playMusic(" + SONG_OFFSET + ")");
        page.evaluate("() => harness.create('bg', 'projectm', 640, 480)");
        page.evaluate("() => harness.create('fg', 'projectm', 640, 480)");
        int frames = Integer.getInteger("aivj.fpsFrames", 60);
        StringBuilder table = new StringBuilder(String.format(
                "ProjectMLayerTest: projectM fps, headless Chromium (SwiftShader), 640x480, %d frames%n"
                + "  preset              | bg alone | fg alone | bg+fg (both layers)%n", frames));
        for (String preset : List.of(MD1, MD2)) {
            Map<?, ?> lb = load("bg", preset);
            Map<?, ?> lf = load("fg", preset);
            assertEquals(true, lb.get("ok"), lb::toString);
            assertEquals(true, lf.get("ok"), lf::toString);
            double bg = num(((Map<?, ?>) page.evaluate("n => harness.fps(['bg'], n)", frames)).get("fps"));
            double fg = num(((Map<?, ?>) page.evaluate("n => harness.fps(['fg'], n)", frames)).get("fps"));
            double both = num(((Map<?, ?>) page.evaluate("n => harness.fps(['bg', 'fg'], n)", frames)).get("fps"));
            table.append(String.format("  %-19s | %8.1f | %8.1f | %8.1f   (load %s ms)%n",
                    preset.equals(MD1) ? "MD1 Agitator" : "MD2 Furious Spirals", bg, fg, both, lb.get("ms")));
        }
        page.evaluate("() => harness.stopMusic()");
        System.out.print(table);
        for (String asset : List.of("web/projectm/projectm-layer.wasm", "web/projectm/projectm-layer.js",
                "web/projectm-layer.js")) {
            byte[] raw = readResource(asset);
            System.out.printf("ProjectMLayerTest: %-34s %8d bytes raw, %8d gzip%n", asset, raw.length, gzip(raw).length);
        }
    }

    private static byte[] readResource(String name) throws IOException {
        try (InputStream in = ProjectMLayerTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new AssertionError("not on the classpath: " + name);
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ---- the page --------------------------------------------------------------------------------------------

    private void openPageWithSong() {
        page.navigate(app.server().uri().toString());
        page.waitForFunction("() => window.aivj && window.aivj.state === 'idle'");
        page.locator("#file-input").setInputFiles(song);
        page.waitForFunction("() => ['ready', 'error'].includes(window.aivj.state)", null,
                new Page.WaitForFunctionOptions().setTimeout(SONG_TIMEOUT_MS).setPollingInterval(200));
        assertEquals("ready", page.evaluate("() => window.aivj.state"), () -> page.textContent("#error"));
    }

    /**
     * Waits until both layers play their presets (none loading), `frames` more frames were rendered, and the stage
     * is fit to measure (SettledStage: on software rendering the layers are measured at the resolution the page
     * settles on, not in the seconds before it steps down).
     */
    private void waitForLayers(int frames) {
        int from = ((Number) page.evaluate("() => window.aivj.renderedFrames")).intValue();
        page.waitForFunction("f => { const a = window.aivj; return a.playing && a.presets.bg && a.presets.fg"
                + " && !a.loadingPresets.bg && !a.loadingPresets.fg && a.renderedFrames >= f; }", from + frames,
                new Page.WaitForFunctionOptions().setTimeout(SONG_TIMEOUT_MS).setPollingInterval(200));
        SettledStage.await(page, SONG_TIMEOUT_MS);
    }

    private void pause() {
        if (Boolean.TRUE.equals(page.evaluate("() => window.aivj.playing"))) page.click("#play-pause");
    }

    private void play() {
        if (!Boolean.TRUE.equals(page.evaluate("() => window.aivj.playing"))) page.click("#play-pause");
    }

    private PixelStats layerAlone(String layer, String file) {
        String other = layer.equals("bg") ? "fg" : "bg";
        // Style properties through the CSSOM: the page's CSP (style-src 'self') blocks setAttribute('style').
        page.evaluate("([l, o]) => { const c = document.getElementById('layer-' + l); const d = document.getElementById('layer-' + o);"
                + " d.style.visibility = 'hidden'; window.__saved = [c.style.opacity, c.style.mixBlendMode];"
                + " c.style.opacity = '1'; c.style.mixBlendMode = 'normal'; }", List.of(layer, other));
        PixelStats stats = PixelStats.of(page.locator("#stage").screenshot(
                new Locator.ScreenshotOptions().setPath(Path.of("target", file))), 8);
        page.evaluate("([l, o]) => { const c = document.getElementById('layer-' + l);"
                + " [c.style.opacity, c.style.mixBlendMode] = window.__saved;"
                + " document.getElementById('layer-' + o).style.visibility = ''; }",
                List.of(layer, other));
        return stats;
    }

    @Test
    void pageRunsTwoProjectMLayersWithBlendingErrorsAndBothPresets() {
        openPageWithSong();
        waitForLayers(12); // MD2 feedback pictures start dark
        assertEquals(Map.of("bg", "projectm", "fg", "projectm"), page.evaluate("() => window.aivj.engines"));
        PlaywrightAssertions.assertThat(page.locator("#engine-bg")).hasText("projectM");
        PlaywrightAssertions.assertThat(page.locator("#engine-fg")).hasText("projectM");
        // Defaults from the library: MilkDrop 2 behind, MilkDrop 1 in front; the broken entry is not offered.
        assertEquals(Map.of("bg", MD2_ID, "fg", MD1_ID), page.evaluate("() => window.aivj.presets"));
        assertEquals(MD2_ID, page.inputValue("#preset-bg"));
        assertEquals(MD1_ID, page.inputValue("#preset-fg"));
        List<?> offered = (List<?>) page.evaluate("() => [...document.querySelectorAll('#preset-fg option')].map(o => o.value)");
        assertTrue(offered.contains(MALFORMED_ID) && !offered.contains("broken/known-bad-shader"), offered::toString);
        PlaywrightAssertions.assertThat(page.locator("#error")).isHidden();

        pause();
        PixelStats bgMd2 = layerAlone("bg", "projectm-bg-md2.png");
        PixelStats fgMd1 = layerAlone("fg", "projectm-fg-md1.png");
        System.out.printf("ProjectMLayerTest: page bg MD2 %s; fg MD1 %s; %s%n", bgMd2, fgMd1, SettledStage.describe(page));
        assertTrue(bgMd2.stdDev() > DRAWN_STD_DEV, "background MD2 drawn: " + bgMd2);
        assertTrue(fgMd1.stdDev() > DRAWN_STD_DEV, "foreground MD1 drawn: " + fgMd1);

        // Compositing: the paused frame under normal, add and screen blending gives three different pictures.
        page.locator("#fg-opacity").fill("70");
        byte[] normal = blendShot("normal");
        byte[] add = blendShot("plus-lighter");
        byte[] screen = blendShot("screen");
        PixelStats n = PixelStats.of(normal, 8);
        PixelStats a = PixelStats.of(add, 8);
        PixelStats s = PixelStats.of(screen, 8);
        System.out.printf("ProjectMLayerTest: composite normal %s; add %s; screen %s%n", n, a, s);
        assertFalse(Arrays.equals(normal, add) || Arrays.equals(normal, screen) || Arrays.equals(add, screen),
                "blend modes give different composites");
        assertTrue(a.mean() >= s.mean() - 0.5, "add is at least as bright as screen: " + a + " vs " + s);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "aivj-projectm-page.png")).setFullPage(true));

        // Both presets in both layers: swap them.
        play();
        page.selectOption("#preset-bg", MD1_ID);
        page.selectOption("#preset-fg", MD2_ID);
        page.waitForFunction("([b, f]) => window.aivj.presets.bg === b && window.aivj.presets.fg === f",
                List.of(MD1_ID, MD2_ID), new Page.WaitForFunctionOptions().setTimeout(SONG_TIMEOUT_MS));
        waitForLayers(40); // Furious Spirals starts dark and builds up its feedback picture over a few seconds
        pause();
        PixelStats bgMd1 = layerAlone("bg", "projectm-bg-md1.png");
        PixelStats fgMd2 = layerAlone("fg", "projectm-fg-md2.png");
        System.out.printf("ProjectMLayerTest: page bg MD1 %s; fg MD2 %s; %s%n", bgMd1, fgMd2, SettledStage.describe(page));
        assertTrue(bgMd1.stdDev() > DRAWN_STD_DEV, "background MD1 drawn: " + bgMd1);
        assertTrue(fgMd2.stdDev() > DRAWN_STD_DEV, "foreground MD2 drawn: " + fgMd2);

        // A malformed preset: an error event, a notice in #error, and the layer keeps its previous preset.
        play();
        page.evaluate("() => { window.__fgErrors = []; window.aivj.layers.slots.fg.layer"
                + ".addEventListener('error', e => window.__fgErrors.push(e.detail.message)); }");
        page.selectOption("#preset-fg", MALFORMED_ID);
        PlaywrightAssertions.assertThat(page.locator("#error")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        PlaywrightAssertions.assertThat(page.locator("#error")).containsText("could not load the preset");
        PlaywrightAssertions.assertThat(page.locator("#error")).containsText("previous preset");
        assertEquals(1, ((Number) page.evaluate("() => window.__fgErrors.length")).intValue());
        assertEquals("ready", page.evaluate("() => window.aivj.state"), "a preset error is not fatal");
        assertEquals(MD2_ID, page.evaluate("() => window.aivj.presets.fg"));
        assertEquals(MD2_ID, page.inputValue("#preset-fg"), "the menu goes back to the playing preset");
        assertEquals(true, page.evaluate("id => document.querySelector(`#preset-fg option[value=\"${id}\"]`).disabled",
                MALFORMED_ID));
        assertEquals("projectm", page.evaluate("() => window.aivj.engines.fg"));
        waitForLayers(4);
        pause();
        PixelStats fgAfter = layerAlone("fg", "projectm-fg-after-error.png");
        System.out.printf("ProjectMLayerTest: notice \"%s\"; fg after %s%n", page.textContent("#error"), fgAfter);
        assertTrue(fgAfter.stdDev() > DRAWN_STD_DEV, "foreground still drawn: " + fgAfter);
    }

    private byte[] blendShot(String mode) {
        page.selectOption("#blend-mode", mode);
        assertEquals(mode, page.evaluate("() => getComputedStyle(document.getElementById('layer-fg')).mixBlendMode"));
        return page.locator("#stage").screenshot(new Locator.ScreenshotOptions()
                .setPath(Path.of("target", "projectm-blend-" + mode + ".png")));
    }

    @Test
    void pageFallsBackToButterchurnWhenProjectMDoesNotLoad() {
        // Only the projectm-wasm module at the root, not the page's own /stage/projectm-layer.js.
        context.route(Pattern.compile("^https?://[^/]+/projectm-layer\\.js$"), route -> route.fulfill(
                new Route.FulfillOptions().setStatus(404).setBody("gone")));
        openPageWithSong();
        waitForLayers(4);
        assertEquals(Map.of("bg", "butterchurn", "fg", "butterchurn"), page.evaluate("() => window.aivj.engines"));
        PlaywrightAssertions.assertThat(page.locator("#engine-bg")).hasText("butterchurn");
        PlaywrightAssertions.assertThat(page.locator("#engine-fg")).hasText("butterchurn");
        assertTrue(page.getAttribute("#engine-fg", "title").contains("projectM is unavailable"),
                page.getAttribute("#engine-fg", "title"));
        assertNotEquals(page.inputValue("#preset-bg"), page.inputValue("#preset-fg"));
        assertEquals(page.inputValue("#preset-fg"), page.evaluate("() => window.aivj.presets.fg"));
        PlaywrightAssertions.assertThat(page.locator("#error")).isHidden();
        pause();
        PixelStats bg = layerAlone("bg", "fallback-bg.png");
        assertTrue(bg.stdDev() > DRAWN_STD_DEV, "butterchurn background drawn: " + bg);
    }
}
