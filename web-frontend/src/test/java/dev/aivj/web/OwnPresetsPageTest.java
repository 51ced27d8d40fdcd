package dev.aivj.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import dev.aivj.audioio.MusicCache;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A person's own presets, dropped while a song plays: a real projectM-data preset under a new name is rendered
 * off-screen, measured like the library's presets (its look lands where the preset checker put the same preset),
 * paired with the library by the coupling model, goes on the foreground layer, and the song is planned again with it.
 * A text that is no preset, an empty file and a real preset with its warp shader broken here are refused with their
 * reasons; a real preset that hung projectM 3.1.12 (its custom wave's NaN points cost SwiftShader seconds a frame,
 * fixed by projectm-wasm's patch 0008) is measured like any other; the show keeps drawing through all of it. A
 * measurement that does not finish in time ends its worker, and one whose frames are too slow stops after one.
 */
class OwnPresetsPageTest {
    @RegisterExtension
    static final LiveApp app = new LiveApp();
    private static final Path PRESETS = Path.of("src", "test", "resources", "projectm-presets");

    @Test
    void droppedPresetsAreMeasuredPairedAndPlayedAndBadOnesRefusedWithReasons() throws Exception {
        String agitator = Files.readString(PRESETS.resolve("presets_milkdrop/aderrasi-agitator.milk"));
        String spirals = Files.readString(PRESETS.resolve("presets_milkdrop_200/unchained-furious-spirals-remix-steady.milk"));
        String brokenShader = spirals.replaceFirst("(?m)^warp_12=.*$", "warp_12=`    ret = no_such_function(uv);");
        String hangs = Files.readString(PRESETS.resolve("presets_bltc201/shifter-cellular-phat-yak-infusion-v2.milk"),
                StandardCharsets.ISO_8859_1);
        List<String> pageErrors = new ArrayList<>();
        try (BrowserContext context = app.newContext(1000, 900)) {
            Page page = context.newPage();
            page.onPageError(pageErrors::add);
            page.navigate(app.server().uri().toString());
            page.waitForFunction("() => window.aivj && window.aivj.state === 'idle' && window.aivj.engines.fg === 'projectm'"
                    + " && window.aivj.presets.fg", null, new Page.WaitForFunctionOptions().setTimeout(60_000));
            page.locator("#file-input").setInputFiles(MusicCache.sectoidSong("Metal madness"));
            page.waitForFunction("() => window.aivj.state === 'ready' && window.aivj.playing", null,
                    new Page.WaitForFunctionOptions().setTimeout(120_000));
            double framesBefore = ((Number) page.evaluate("() => window.aivj.renderedFrames")).doubleValue();
            long started = System.nanoTime();
            page.setInputFiles("#preset-files", new FilePayload[] {
                payload("my agitator.milk", agitator), payload("notes.milk", "remember to buy milk"),
                payload("empty.milk", ""), payload("broken shader.milk", brokenShader),
                payload("hangs.milk", hangs)});
            page.waitForFunction("() => window.aivj.ownPresets !== null", null,
                    new Page.WaitForFunctionOptions().setTimeout(120_000));
            double seconds = (System.nanoTime() - started) / 1e9;
            double frames = ((Number) page.evaluate("() => window.aivj.renderedFrames")).doubleValue() - framesBefore;
            List<?> results = (List<?>) page.evaluate("() => window.aivj.ownPresets");
            String notice = page.textContent("#notice");
            System.out.printf("OwnPresetsPageTest: import took %.1f s, the show drew %.0f frames meanwhile (%.1f/s)%n%s%n%s%n",
                    seconds, frames, frames / seconds, results, notice);

            Map<?, ?> added = (Map<?, ?>) results.get(0);
            assertEquals("own/my agitator", added.get("id"), results::toString);
            assertPairingReported();
            assertEquals(true, added.get("usable"), "Aderrasi - Agitator moves on music");
            assertEquals(12, ((Number) added.get("pairs")).intValue(), "6 pairs as the upper layer, 6 as the lower");
            assertTrue(notice.contains("“my agitator.milk” was added and paired with 12 library presets"), notice);
            assertError(results.get(1), "notes.milk", "it has none of a MilkDrop preset's fields");
            assertError(results.get(2), "empty.milk", "it is empty");
            assertError(results.get(3), "broken shader.milk", "its shader does not compile");
            // The preset projectM 3.1.12 hung on (seconds of GPU work a frame) draws like any other since patch 0008.
            Map<?, ?> once = (Map<?, ?>) results.get(4);
            assertEquals("own/hangs", once.get("id"), results::toString);
            assertEquals(true, once.get("usable"), results::toString);
            assertTrue(frames / seconds > 5, "the show kept drawing while presets were measured: " + frames / seconds + "/s");

            // Measured off-screen in the page, the preset's look is where the preset checker put the same preset.
            List<?> ownAxes = (List<?>) added.get("axes");
            List<?> libraryAxes = (List<?>) page.evaluate("async () => (await (await fetch('/presets/projectm/index.json'))"
                    + ".json()).presets.find(p => p.id === 'presets_milkdrop/aderrasi-agitator').axes");
            System.out.println("OwnPresetsPageTest: look axes measured in the page " + ownAxes + ", by the checker " + libraryAxes);
            for (int a = 0; a < 4; a++) {
                double own = ((Number) ownAxes.get(a)).doubleValue();
                double lib = ((Number) libraryAxes.get(a)).doubleValue();
                assertTrue(Math.abs(own - lib) <= 0.08, "axis " + a + ": page " + own + " vs checker " + lib);
            }

            page.waitForFunction("() => window.aivj.presets.fg === 'own/my agitator' && window.aivj.replans >= 1", null,
                    new Page.WaitForFunctionOptions().setTimeout(60_000));
            List<?> offered = (List<?>) page.evaluate("() => [...document.querySelectorAll('#preset-bg option')].map(o => o.value)");
            assertTrue(offered.contains("own/my agitator") && offered.contains("own/hangs"), "own presets offered");
            assertTrue(offered.stream().noneMatch(v -> String.valueOf(v).startsWith("own/broken")),
                    "a refused preset is not offered");
        }
        assertEquals(List.of(), pageErrors, "uncaught errors in the page");
    }

    @Test
    void measurementsThatRunPastTheirLimitsStopWithTheirReasons() throws Exception {
        String agitator = Files.readString(PRESETS.resolve("presets_milkdrop/aderrasi-agitator.milk"));
        try (BrowserContext context = app.newContext(800, 600)) {
            Page page = context.newPage();
            page.navigate(app.server().uri().toString());
            page.waitForFunction("() => window.aivj && window.aivj.state === 'idle'", null,
                    new Page.WaitForFunctionOptions().setTimeout(60_000));
            // A limit no preset meets stands in for a preset that never finishes: the same path ends the worker.
            Map<?, ?> r = (Map<?, ?>) page.evaluate("async (text) => { const m = await import('/stage/preset-look.js');"
                    + " try { await m.renderPresetLook(text, { hangMs: 5 }); return { ok: true }; }"
                    + " catch (e) { return { reason: e.reason, message: e.message }; } }", agitator);
            assertEquals("hang", r.get("reason"), r::toString);
            assertTrue(String.valueOf(r.get("message")).startsWith("it hangs projectM: loading it did not finish within"), r::toString);
            // A frame limit no preset meets stands in for a preset that takes seconds a frame on the GPU.
            Map<?, ?> slow = (Map<?, ?>) page.evaluate("async (text) => { const m = await import('/stage/preset-look.js');"
                    + " try { await m.renderPresetLook(text, { frameLimitMs: 0.001 }); return { ok: true }; }"
                    + " catch (e) { return { reason: e.reason, message: e.message }; } }", agitator);
            assertEquals("heavy", slow.get("reason"), slow::toString);
            assertTrue(String.valueOf(slow.get("message")).startsWith("it would stall the show: it took"), slow::toString);
            Map<?, ?> ok = (Map<?, ?>) page.evaluate("async (text) => { const m = await import('/stage/preset-look.js');"
                    + " const r = await m.renderPresetLook(text); return { bytes: r.frames.length, energies: r.energies.length,"
                    + " width: r.width, height: r.height }; }", agitator);
            assertEquals(Map.of("bytes", 100 * 64 * 48 * 3, "energies", 100, "width", 64, "height", 48), ok,
                    "the checker's 100 measured frames at half of 128x96");
        }
    }

    @Test
    void butterchurnJsonPresetsJoinTheButterchurnLibraryAndBadOnesAreRefused() throws Exception {
        Path converted = dev.aivj.presets.PresetLibrary.cacheDir().resolve("presets/butterchurn-presets/package/presets/converted");
        String chromatic = Files.readString(converted.resolve("Aderrasi - Chromatic Abyss (Refined Abyss Mix).json"));
        try (BrowserContext context = app.newContext(800, 600)) {
            Page page = context.newPage();
            page.navigate(app.server().uri().toString());
            page.waitForFunction("() => window.aivj && window.aivj.state === 'idle' && window.aivj.engines.fg === 'projectm'",
                    null, new Page.WaitForFunctionOptions().setTimeout(60_000));
            page.setInputFiles("#preset-files", new FilePayload[] {
                payload("chromatic abyss.json", chromatic), payload("broken.json", "{\"baseVals\": "),
                payload("settings.json", "{\"volume\": 3}")});
            page.waitForFunction("() => window.aivj.ownPresets !== null", null,
                    new Page.WaitForFunctionOptions().setTimeout(60_000));
            List<?> results = (List<?>) page.evaluate("() => window.aivj.ownPresets");
            Map<?, ?> added = (Map<?, ?>) results.get(0);
            assertEquals("chromatic abyss", added.get("id"), results::toString);
            assertEquals("butterchurn", added.get("engine"));
            assertError(results.get(1), "broken.json", "it is not JSON");
            assertError(results.get(2), "settings.json", "it is not a butterchurn preset");
            String notice = page.textContent("#notice");
            assertTrue(notice.contains("“chromatic abyss.json” was added to the butterchurn presets"), notice);
            assertTrue(notice.contains("The foreground layer runs projectm: your butterchurn presets play on butterchurn layers"), notice);
        }
    }

    private static void assertError(Object result, String name, String reason) {
        Map<?, ?> r = (Map<?, ?>) result;
        assertEquals(name, r.get("name"));
        assertTrue(String.valueOf(r.get("error")).contains(reason), name + ": " + r);
    }

    private static FilePayload payload(String name, String text) {
        return new FilePayload(name, "text/plain", text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The page posted each pairing's time to the server's /metrics (web/timings/, the 'paired' event). */
    private static void assertPairingReported() throws Exception {
        String metrics = "";
        for (long end = System.nanoTime() + 10_000_000_000L; System.nanoTime() < end; Thread.sleep(200)) {
            metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    app.server().uri().resolve("/metrics")).build(), java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body();
            if (metrics.contains("aivj_analysis_latency_seconds_count{stage=\"pairing\"}")) {
                break;
            }
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "(?m)^aivj_analysis_latency_seconds_(count|sum)\\{stage=\"pairing\"\\} (\\S+)$").matcher(metrics);
        double count = 0;
        double sum = 0;
        while (m.find()) {
            if (m.group(1).equals("count")) {
                count = Double.parseDouble(m.group(2));
            } else {
                sum = Double.parseDouble(m.group(2));
            }
        }
        System.out.printf("OwnPresetsPageTest: %d pairing(s) reported to /metrics, %.0f ms on average%n", (int) count,
                1000 * sum / count);
        assertTrue(count >= 1, "the pairing reached /metrics:\n" + metrics);
    }
}
