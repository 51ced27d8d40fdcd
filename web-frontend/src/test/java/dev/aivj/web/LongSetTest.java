package dev.aivj.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.aivj.audioio.AudioFileDecoder;
import dev.aivj.audioio.DecodedAudio;
import dev.aivj.audioio.MusicCache;
import dev.aivj.engine.AnalysisSettings;
import dev.aivj.engine.AudioAnalyzer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A DJ set longer than the page decodes whole (20 min): a 21-minute WAV (a real song, "Metal madness", repeated;
 * GENERATED here) is not read into memory nor decoded: the page streams it through the player and the engine's
 * live show follows it, starting at once.
 */
class LongSetTest {
    private static final int SET_SECONDS = 21 * 60;

    @RegisterExtension
    static final LiveApp app = new LiveApp();

    @Test
    void aSetLongerThanTwentyMinutesStreamsThroughTheLiveShow() throws Exception {
        Path set = Files.createTempFile("aivj-long-set-", ".wav");
        List<String> pageErrors = new ArrayList<>();
        try (BrowserContext context = app.newContext(900, 800)) {
            writeSet(set);
            Page page = context.newPage();
            page.onPageError(pageErrors::add);
            page.navigate(app.server().uri().toString());
            page.waitForFunction("() => window.aivj && window.aivj.state === 'idle'");
            long dropped = System.nanoTime();
            page.locator("#file-input").setInputFiles(set);
            page.waitForFunction("() => ['live', 'error', 'ready'].includes(window.aivj.state)", null,
                    new Page.WaitForFunctionOptions().setTimeout(60_000));
            double startSeconds = (System.nanoTime() - dropped) / 1e9;
            assertEquals("live", page.evaluate("() => window.aivj.state"), () -> page.textContent("#error"));
            page.waitForFunction("() => window.aivj.playing && window.aivj.live && window.aivj.live.update.seconds > 8"
                    + " && window.aivj.currentPair", null, new Page.WaitForFunctionOptions().setTimeout(60_000));
            assertNull(page.evaluate("() => window.aivj.workerRun"), "the set was never sent whole to the engine");
            double played = ((Number) page.evaluate("() => window.aivj.currentTime")).doubleValue();
            assertTrue(played > 5, "the set plays: " + played + " s");
            assertTrue(page.textContent("#status-text").contains("no whole-song plan"), page.textContent("#status-text"));
            Number heap = (Number) page.evaluate("() => performance.memory ? performance.memory.usedJSHeapSize : 0");
            System.out.printf("LongSetTest: %d-min set (%.0f MB) live after %.1f s; page JS heap %.0f MB%n",
                    SET_SECONDS / 60, Files.size(set) / 1e6, startSeconds, heap.doubleValue() / 1e6);
            assertTrue(heap.doubleValue() < Files.size(set), "the set is not held in memory: heap " + heap);
        } finally {
            Files.deleteIfExists(set);
        }
        assertEquals(List.of(), pageErrors, "uncaught errors in the page");
    }

    /** "Metal madness" as the engine's mono 22.05-kHz signal, repeated to SET_SECONDS, as 16-bit PCM WAV. */
    private static void writeSet(Path file) throws Exception {
        DecodedAudio song = AudioFileDecoder.decode(MusicCache.sectoidSong("Metal madness"));
        float[] s = new AudioAnalyzer().prepare(song.interleaved(), song.channels(), song.sampleRate()).signal();
        int rate = AnalysisSettings.SAMPLE_RATE;
        int samples = SET_SECONDS * rate;
        ByteBuffer out = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * samples)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * samples);
        for (int i = 0; i < samples; i++) {
            out.putShort((short) Math.round(Math.max(-1, Math.min(1, s[i % s.length])) * 32767));
        }
        Files.write(file, out.array());
    }
}
