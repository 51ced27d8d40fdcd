package dev.aivj.renders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.aivj.web.AppServer;
import dev.aivj.web.HeadlessChromium;
import dev.aivj.web.StaticAssets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * projectM's fixed clock ({@code ProjectMLayer.setFrameTime}) on a soft cut between two library presets, fed the
 * checker's reference audio: the blend's frames (during and after it) come out the same in two renders.
 */
class FixedClockTest {
    /** One layer: a preset, then at frame 20 a 0.5-s blend to another; a hash of frames 30, 40 (mid-blend) and 60. */
    private static final String RENDER = "async () => {"
            + " const { ProjectMLayer } = await import('/projectm-layer.js');"
            + " const flac = await (await fetch('/presets/look-reference.flac')).arrayBuffer();"
            + " const audio = await new OfflineAudioContext(2, 44100, 44100).decodeAudioData(flac);"
            + " const left = audio.getChannelData(0), right = audio.getChannelData(1);"
            + " const canvas = document.createElement('canvas'); canvas.id = 'clock-' + performance.now();"
            + " document.body.append(canvas);"
            + " const layer = await ProjectMLayer.create(canvas, 96, 72); layer.setFrameTime(0);"
            + " await layer.loadPreset('/presets/projectm/presets_tryptonaut/aderrasi-ert-wary-mix.milk', 0);"
            + " const gl = canvas.getContext('webgl2'), px = new Uint8Array(96 * 72 * 4), chunk = new Float32Array(2048);"
            + " const hashes = [];"
            + " for (let k = 1; k <= 60; k++) {"
            + "   if (k === 20) await layer.loadPreset('/presets/projectm/presets_tryptonaut/geiss-eddies-1.milk', 0.5);"
            + "   for (let i = 0; i < 1024; i++) { chunk[2 * i] = left[(k - 1) * 735 + i]; chunk[2 * i + 1] = right[(k - 1) * 735 + i]; }"
            + "   layer.setFrameTime(k / 60); layer.feedPcm(chunk, 2); layer.render();"
            + "   if (k === 30 || k === 40 || k === 60) {"
            + "     gl.readPixels(0, 0, 96, 72, gl.RGBA, gl.UNSIGNED_BYTE, px);"
            + "     let h = 0; for (const v of px) h = (h * 31 + v) | 0; hashes.push(h);"
            + "   }"
            + " }"
            + " layer.destroy(); canvas.remove(); return hashes; }";

    @Test
    void aSoftCutOnAFixedClockRendersTheSameTwice() throws Exception {
        try (AppServer server = AppServer.start(0); Playwright playwright = HeadlessChromium.playwright()) {
            server.mount("/render-check/", new StaticAssets(FixedClockTest.class.getClassLoader(), "render-check/"));
            Browser browser = HeadlessChromium.launch(playwright);
            Page page = browser.newPage();
            page.navigate(server.uri().resolve("/render-check/index.html").toString());
            List<?> first = (List<?>) page.evaluate(RENDER);
            List<?> second = (List<?>) page.evaluate(RENDER);
            assertEquals(first, second);
            assertNotEquals(first.get(0), first.get(1), "the blend moves between frames 30 and 40");
            assertNotEquals(first.get(1), first.get(2), "and on to frame 60");
        }
    }
}
