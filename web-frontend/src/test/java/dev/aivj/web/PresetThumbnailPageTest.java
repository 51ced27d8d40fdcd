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
import java.util.Map;
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
            page.fill("#preset-author", "aderrasi");
            page.waitForFunction("() => [...document.querySelectorAll('#preset-rows img.preset-thumb')]"
                    + ".filter((i) => i.complete && i.naturalWidth > 0).length === 3");
            Map<String, Object> shown = (Map<String, Object>) page.evaluate("() => ({"
                    + " thumbs: [...document.querySelectorAll('#preset-rows img.preset-thumb')]"
                    + "   .map((i) => [i.closest('.preset-row').dataset.id, i.naturalWidth, i.naturalHeight]),"
                    + " none: document.querySelectorAll('#preset-rows .preset-thumb.none').length,"
                    + " note: document.getElementById('preset-thumbs-note').textContent })");
            List<List<Object>> thumbs = (List<List<Object>>) shown.get("thumbs");
            assertEquals(RENDERED, thumbs.stream().map(t -> (String) t.get(0)).sorted().toList(), shown.toString());
            for (List<Object> t : thumbs) {
                assertEquals(64, ((Number) t.get(1)).intValue(), "the checker's frame size: " + t);
                assertEquals(48, ((Number) t.get(2)).intValue(), "the checker's frame size: " + t);
            }
            assertTrue(((Number) shown.get("none")).intValue() > 0, "unrendered presets show no frame: " + shown);
            assertTrue(((String) shown.get("note")).contains("the 3 presets the preset checker rendered"), shown.toString());
            assertEquals(404, page.request().get(app.server().uri() + "presets/projectm-thumbs/presets_milkdrop/"
                    + "aderrasi-blender.png").status(), "a preset the checker has not rendered has no thumbnail");
            assertEquals(404, page.request().get(app.server().uri() + "presets/projectm-thumbs/..%2F..%2Fetc/passwd.png")
                    .status());
            page.locator("#preset-browser").screenshot(new Locator.ScreenshotOptions()
                    .setPath(Path.of("target", "preset-browser-thumbnails.png")));
        }
    }
}
