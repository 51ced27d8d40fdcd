package dev.aivj.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A person's own presets: real projectM-data presets added under new names join the menus and play on a projectM
 * layer; a text that is no preset and an empty file are refused with their reasons; a preset whose warp shader does
 * not compile (a real preset with its shader broken here) is reported by the layer, which keeps its picture.
 */
class OwnPresetsPageTest {
    @RegisterExtension
    static final LiveApp app = new LiveApp();
    private static final Path PRESETS = Path.of("src", "test", "resources", "projectm-presets");

    @Test
    void droppedPresetsJoinTheMenusAndBadOnesAreRefusedWithReasons() throws Exception {
        String agitator = Files.readString(PRESETS.resolve("presets_milkdrop/aderrasi-agitator.milk"));
        String spirals = Files.readString(PRESETS.resolve("presets_milkdrop_200/unchained-furious-spirals-remix-steady.milk"));
        String brokenShader = spirals.replaceFirst("(?m)^warp_12=.*$", "warp_12=`    ret = no_such_function(uv);");
        List<String> pageErrors = new ArrayList<>();
        try (BrowserContext context = app.newContext(1000, 900)) {
            Page page = context.newPage();
            page.onPageError(pageErrors::add);
            page.navigate(app.server().uri().toString());
            page.waitForFunction("() => window.aivj && window.aivj.state === 'idle' && window.aivj.engines.fg === 'projectm'"
                    + " && window.aivj.presets.fg", null, new Page.WaitForFunctionOptions().setTimeout(60_000));
            page.setInputFiles("#preset-files", new FilePayload[] {
                payload("my agitator.milk", agitator), payload("notes.milk", "remember to buy milk"),
                payload("empty.milk", ""), payload("broken shader.milk", brokenShader)});
            try {
                page.waitForFunction("() => window.aivj.presets.fg === 'own/my agitator'", null,
                        new Page.WaitForFunctionOptions().setTimeout(60_000));
            } catch (com.microsoft.playwright.TimeoutError e) {
                throw new AssertionError("not on the layer: " + page.evaluate("() => JSON.stringify({ p: window.aivj.presets,"
                        + " l: window.aivj.loadingPresets, e: window.aivj.engines, errors: window.aivj.layerErrors,"
                        + " notice: document.getElementById('notice').textContent, error: document.getElementById('error').textContent })"), e);
            }
            String notice = page.textContent("#notice");
            assertTrue(notice.contains("Added 2 presets"), notice);
            assertTrue(notice.contains("“notes.milk” was not added: it has none of a MilkDrop preset's fields"), notice);
            assertTrue(notice.contains("“empty.milk” was not added: it is empty"), notice);
            List<?> offered = (List<?>) page.evaluate("() => [...document.querySelectorAll('#preset-bg option')].map(o => o.value)");
            assertTrue(offered.contains("own/my agitator") && offered.contains("own/broken shader"), offered::toString);

            page.selectOption("#preset-fg", "own/broken shader");
            page.waitForFunction("() => window.aivj.layerErrors.some(m => m.includes('broken shader'))", null,
                    new Page.WaitForFunctionOptions().setTimeout(60_000));
            page.waitForFunction("() => !window.aivj.loadingPresets.fg");
            assertEquals("own/my agitator", page.evaluate("() => window.aivj.presets.fg"),
                    "the layer keeps its picture");
            System.out.println("OwnPresetsPageTest: " + page.evaluate("() => window.aivj.layerErrors.join(' | ')"));
        }
        assertEquals(List.of(), pageErrors, "uncaught errors in the page");
    }

    private static FilePayload payload(String name, String text) {
        return new FilePayload(name, "text/plain", text.getBytes(StandardCharsets.UTF_8));
    }
}
