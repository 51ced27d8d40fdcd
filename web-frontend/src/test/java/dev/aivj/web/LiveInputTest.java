package dev.aivj.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.aivj.audioio.AudioFileDecoder;
import dev.aivj.audioio.DecodedAudio;
import dev.aivj.audioio.MusicCache;
import dev.aivj.engine.AnalysisSettings;
import dev.aivj.engine.AudioAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Live input in the real page: Chromium's fake capture device plays a real recording made of two songs of different
 * styles, back to back (the chiptune's first {@value #SWITCH_SECONDS} s, then "Metal madness" from 40 s on), as a
 * microphone. The engine's live show in the worker must read the first song's style, then the second's after the
 * switch, and change the pair after the switch; latencies are printed.
 */
class LiveInputTest {
    static final int SWITCH_SECONDS = 40;
    private static final int TOTAL_SECONDS = 80;
    private static final Path CAPTURE = twoSongsWav();

    @RegisterExtension
    static final LiveApp app = new LiveApp(List.of("--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream", "--use-file-for-fake-audio-capture=" + CAPTURE));

    /**
     * The chiptune's first 40 s, then 40 s of "Metal madness" from its 40th second, both as the engine's mono
     * 22.05-kHz signal (the songs differ in rate and channels), as 16-bit PCM WAV.
     */
    private static Path twoSongsWav() {
        try {
            float[] a = engineSignal(AudioFileDecoder.decode(MusicCache.chiptune()));
            float[] b = engineSignal(AudioFileDecoder.decode(MusicCache.sectoidSong("Metal madness")));
            int rate = AnalysisSettings.SAMPLE_RATE;
            int part = SWITCH_SECONDS * rate;
            ByteBuffer out = ByteBuffer.allocate(44 + 2 * 2 * part).order(ByteOrder.LITTLE_ENDIAN);
            out.put(TestWav.monoHeader(rate, 2L * part));
            for (int i = 0; i < part; i++) {
                out.putShort(TestWav.pcm16(a[i]));
            }
            for (int i = 0; i < part; i++) {
                out.putShort(TestWav.pcm16(b[part + i]));
            }
            Path wav = Files.createTempFile("aivj-live-capture-", ".wav");
            wav.toFile().deleteOnExit();
            Files.write(wav, out.array());
            return wav;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not make the capture file: " + e.getMessage(), e);
        }
    }

    private static float[] engineSignal(DecodedAudio d) {
        return new AudioAnalyzer().prepare(d.interleaved(), d.channels(), d.sampleRate()).signal();
    }

    /** Opens the page, presses a live-input button and waits until the page plays live. */
    private static Page goLive(BrowserContext context, String button, List<String> pageErrors) {
        Page page = context.newPage();
        page.onPageError(pageErrors::add);
        page.navigate(app.server().uri().toString());
        page.waitForFunction("() => window.aivj && window.aivj.state === 'idle'");
        page.click(button);
        page.waitForFunction("() => ['live', 'error'].includes(window.aivj.state)", null,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
        assertEquals("live", page.evaluate("() => window.aivj.state"), () -> page.textContent("#error"));
        return page;
    }

    @Test
    @SuppressWarnings("unchecked")
    void tabAudioRunsTheSameLiveShow() {
        // With the fake devices, getDisplayMedia answers with a fake screen and the same recording as its audio: the
        // page's tab-audio path (its picker, the dropped video track) up to the engine's live show.
        List<String> pageErrors = new ArrayList<>();
        try (BrowserContext context = app.newContext(900, 800)) {
            Page page = goLive(context, "#live-tab", pageErrors);
            page.waitForFunction("() => window.aivj.live && window.aivj.live.update.seconds > 8"
                    + " && window.aivj.live.update.readings.length > 0", null, new Page.WaitForFunctionOptions().setTimeout(30_000));
            Map<String, Object> update = (Map<String, Object>) ((Map<String, Object>) page.evaluate("() => window.aivj.live")).get("update");
            assertTrue(update.get("style") != null && !"none".equals(update.get("style")), "a style from tab audio: " + update);
            assertTrue(page.textContent("#live-status").contains("tab audio"), page.textContent("#live-status"));
            page.click("#live-stop");
            page.waitForFunction("() => window.aivj.state === 'idle'");
        }
        assertEquals(List.of(), pageErrors, "uncaught errors in the page");
    }

    @Test
    @SuppressWarnings("unchecked")
    void styleAndPairFollowASwitchToASongOfAnotherStyle() {
        List<String> pageErrors = new ArrayList<>();
        try (BrowserContext context = app.newContext(900, 800)) {
            Page page = goLive(context, "#live-mic", pageErrors);

            // Every update, by stream time (polled faster than the 0.5-s hops).
            TreeMap<Double, Map<String, Object>> updates = new TreeMap<>();
            long until = System.currentTimeMillis() + (TOTAL_SECONDS - 5) * 1000L;
            while (System.currentTimeMillis() < until) {
                Map<String, Object> live = (Map<String, Object>) page.evaluate("() => window.aivj.live");
                if (live != null) {
                    Map<String, Object> u = (Map<String, Object>) live.get("update");
                    u.put("latencyMs", live.get("latencyMs"));
                    u.put("engineMs", live.get("engineMs"));
                    updates.put(num(u.get("seconds")), u);
                }
                page.waitForTimeout(150);
            }
            assertEquals("live", page.evaluate("() => window.aivj.state"), () -> page.textContent("#error"));
            assertTrue(updates.size() > 100, "updates every 0.5 s: " + updates.size());
            assertTrue(updates.lastKey() > TOTAL_SECONDS - 15, "stream time " + updates.lastKey());

            String before = dominant(updates, 10, SWITCH_SECONDS - 2);
            String after = dominant(updates, SWITCH_SECONDS + 10, updates.lastKey());
            assertNotEquals(before, after, "the style reading follows the switch: " + readings(updates));
            double styleAt = updates.entrySet().stream()
                    .filter(e -> e.getKey() > SWITCH_SECONDS && after.equals(e.getValue().get("style")))
                    .map(Map.Entry::getKey).findFirst().orElseThrow();
            Map<String, Object> last = updates.lastEntry().getValue();
            assertTrue(last.get("tempo") != null, "a live tempo: " + last);

            List<Map<String, Object>> history = (List<Map<String, Object>>) page.evaluate("() => window.aivj.pairHistory");
            assertTrue(history.size() >= 2, "a pair at the start and another later: " + history);
            double pairAt = history.stream().mapToDouble(h -> num(h.get("at"))).filter(t -> t > SWITCH_SECONDS)
                    .min().orElseThrow(() -> new AssertionError("no pair change after the switch: " + history));
            assertTrue(pairAt < SWITCH_SECONDS + 20, "the pair changes within 20 s of the switch: " + pairAt);
            assertTrue(page.textContent("#live-status").contains("No whole-song plan"), page.textContent("#live-status"));

            String changeReason = updates.tailMap((double) SWITCH_SECONDS, false).values().stream()
                    .filter(u -> Boolean.TRUE.equals(u.get("sectionStarted")))
                    .map(u -> String.valueOf(((Map<String, Object>) u.get("section")).get("reason"))).findFirst()
                    .orElse("(none seen)");
            double[] latency = updates.values().stream().mapToDouble(u -> num(u.get("latencyMs"))).sorted().toArray();
            double[] engine = updates.values().stream().mapToDouble(u -> num(u.get("engineMs"))).sorted().toArray();
            Map<String, Object> pair = (Map<String, Object>) page.evaluate("() => window.aivj.currentPair");
            System.out.printf("LiveInputTest: style %s → %s; sound → style reading %.1f s after the switch; sound → pair "
                    + "change %.1f s (section reason %s); hop → answer median %.0f ms, p95 %.0f ms; engine per hop median %.2f ms, p95 %.2f ms;"
                    + " last cut %.0f ms after its beat; %d updates%n", before, after, styleAt - SWITCH_SECONDS,
                    pairAt - SWITCH_SECONDS, changeReason, latency[latency.length / 2], latency[(int) (latency.length * 0.95)],
                    engine[engine.length / 2], engine[(int) (engine.length * 0.95)], num(pair.get("beatLate")),
                    updates.size());
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "aivj-live-console.png")));
            double liveFps = framesPerSecond(page);
            page.click("#live-stop");
            page.waitForFunction("() => window.aivj.state === 'idle'");
            // The same sound as a file, for the frame rate beside live input's.
            page.locator("#file-input").setInputFiles(CAPTURE);
            // Measured 20 s in: the song's first pairs (their shader compiles) are behind it, as live input's are.
            page.waitForFunction("() => window.aivj.state === 'ready' && window.aivj.playing && window.aivj.currentTime > 20",
                    null, new Page.WaitForFunctionOptions().setTimeout(120_000));
            System.out.printf("LiveInputTest: visuals %.1f fps with live input, %.1f fps playing the same sound as a "
                    + "file (frames drawn over 5 s)%n", liveFps, framesPerSecond(page));
        }
        assertEquals(List.of(), pageErrors, "uncaught errors in the page");
    }

    @Test
    void theWidgetListensToTheMicrophoneWithInputMic() {
        List<String> pageErrors = new ArrayList<>();
        try (BrowserContext context = app.newContext(900, 700)) {
            String host = app.server().uri().resolve("/live-host.html").toString();
            String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>host</title>"
                    + "<script src=\"/widget/aivj-visualizer.js\"></script></head><body>"
                    + "<aivj-visualizer id=\"w\" input=\"mic\" width=\"480\" height=\"270\"></aivj-visualizer></body></html>";
            context.route(host, route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                    .setStatus(200).setContentType("text/html; charset=utf-8").setBody(html)));
            Page page = context.newPage();
            page.onPageError(pageErrors::add);
            page.navigate(host);
            page.waitForFunction("() => ['live', 'error'].includes(document.querySelector('#w').getAttribute('state'))",
                    null, new Page.WaitForFunctionOptions().setTimeout(30_000));
            assertEquals("live", page.getAttribute("#w", "state"));
            com.microsoft.playwright.Frame frame = page.frames().stream()
                    .filter(f -> f.url().contains("/widget/embed")).findFirst().orElseThrow();
            frame.waitForFunction("() => window.aivjEmbed.live && window.aivjEmbed.live.update.seconds > 6"
                    + " && window.aivjEmbed.currentPair", null, new com.microsoft.playwright.Frame.WaitForFunctionOptions().setTimeout(30_000));
            Object style = frame.evaluate("() => window.aivjEmbed.live.update.style");
            assertTrue(style instanceof String, "a live style reading in the widget: " + style);
        }
        assertEquals(List.of(), pageErrors, "uncaught errors in the host page");
    }

    /** Frames the layers drew per second over the next 5 s. */
    private static double framesPerSecond(Page page) {
        double from = num(page.evaluate("() => window.aivj.renderedFrames"));
        page.waitForTimeout(5_000);
        return (num(page.evaluate("() => window.aivj.renderedFrames")) - from) / 5.0;
    }

    /** The most frequent style reading among updates with stream time in [from, to]. */
    private static String dominant(TreeMap<Double, Map<String, Object>> updates, double from, double to) {
        return updates.subMap(from, true, to, true).values().stream().map(u -> String.valueOf(u.get("style")))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())).entrySet().stream()
                .max(Comparator.comparingLong(Map.Entry::getValue)).map(Map.Entry::getKey).orElse("(none)");
    }

    private static String readings(TreeMap<Double, Map<String, Object>> updates) {
        return updates.entrySet().stream().map(e -> String.format("%.0f:%s", e.getKey(), e.getValue().get("style")))
                .collect(Collectors.joining(" "));
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }
}
