package dev.aivj.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.aivj.audioio.MusicCache;
import dev.aivj.presets.PresetChecker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The preset browser's thumbnails: three real presets rendered by the preset checker (projectM in Chromium) into a
 * frames folder of this test's own, which the server serves from; the other presets say they have none.
 */
class PresetThumbnailPageTest {
    static final List<String> RENDERED = List.of("presets_milkdrop/aderrasi-agitator",
            "presets_milkdrop/aderrasi-airhandler-menagerie-mix", "presets_milkdrop/aderrasi-airs-windy-mix");
    static final Path FRAMES;

    static {
        // Before the server starts (LiveApp below): it reads the frames folder from this property.
        try {
            Path dir = Files.createTempDirectory("aivj-thumbs");
            FRAMES = dir.resolve("frames");
            int code = PresetChecker.checkProjectM(RENDERED, Path.of("../projectm-wasm/target/classes/web"),
                    MusicCache.dir().resolve("derived/clip.wav"), dir.resolve("status.json"), FRAMES);
            if (code != 0) {
                throw new IllegalStateException("the preset checker failed: exit " + code);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not render the test presets: " + e.getMessage(), e);
        }
        System.setProperty("aivj.preset.frames.dir", FRAMES.toString());
    }

    @RegisterExtension
    static final LiveApp app = new LiveApp();

    @AfterAll
    static void forgetTheFramesFolder() {
        System.clearProperty("aivj.preset.frames.dir");
    }

    @Test
    @SuppressWarnings("unchecked")
    void renderedPresetsShowTheirThumbnailAndOthersSayTheyHaveNone() {
        try (BrowserContext context = app.newContext(1200, 900)) {
            Page page = context.newPage();
            page.navigate(app.server().uri().toString());
            page.waitForFunction("() => window.aivj && window.aivj.state === 'idle'");
            page.click("#preset-browser-open");
            page.waitForFunction("() => document.getElementById('preset-thumbs-note').textContent !== ''");
            String note = page.textContent("#preset-thumbs-note");
            assertTrue(note.contains("the 3 presets the preset checker rendered"), note);
            for (String id : RENDERED) {
                String name = (String) page.evaluate("id => fetch('/presets/projectm/index.json').then((r) => r.json())"
                        + ".then((i) => i.presets.find((p) => p.id === id).name)", id);
                page.fill("#preset-search", name);
                String img = "#preset-rows .preset-row[data-id='" + id + "'] img.preset-thumb";
                page.waitForFunction("s => { const i = document.querySelector(s); return i && i.complete"
                        + " && i.naturalWidth > 0; }", img);
                List<Number> size = (List<Number>) page.evaluate("s => { const i = document.querySelector(s);"
                        + " return [i.naturalWidth, i.naturalHeight]; }", img);
                assertEquals(List.of(64, 48), size.stream().map(Number::intValue).toList(), "the checker's frame of " + id);
            }
            page.fill("#preset-search", "Aderrasi - Blender");
            page.waitForSelector("#preset-rows .preset-row[data-id='presets_milkdrop/aderrasi-blender'] .preset-thumb.none");
            page.fill("#preset-search", "");
            page.fill("#preset-author", "aderrasi");
            assertEquals(404, page.request().get(app.server().uri() + "presets/projectm-thumbs/presets_milkdrop/"
                    + "aderrasi-blender.png").status(), "a preset the checker has not rendered has no thumbnail");
            assertEquals(404, page.request().get(app.server().uri() + "presets/projectm-thumbs/..%2F..%2Fetc/passwd.png")
                    .status());
            page.locator("#preset-browser").screenshot(new Locator.ScreenshotOptions()
                    .setPath(Path.of("target", "preset-browser-thumbnails.png")));
        }
    }
}
