package dev.aivj.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.aivj.audioio.MusicCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The VJ console (ui/console.js) in the real page with real songs: keyboard shortcuts and their help overlay,
 * favourite pairs across a reload, hiding the UI, MIDI learn, and a recording of the stage with the song.
 */
class VjConsolePageTest {
    @RegisterExtension
    static final LiveApp app = new LiveApp();

    /**
     * Web MIDI at the browser boundary only: this machine has no sound devices (no /dev/snd, so no ALSA sequencer
     * and no virtual MIDI port) and headless Chromium offers no MIDI input. navigator.requestMIDIAccess is replaced
     * by one that resolves a MIDIAccess-shaped object with one input; the test plays "pads" by calling that input's
     * onmidimessage with the bytes a controller sends (a real MIDIMessageEvent where the browser constructs one).
     * Everything after the API (learn, bindings, storage, actions) is the page's own code.
     */
    private static final String MIDI_STUB = """
            (() => {
              const input = { id: 'test-pad', name: 'Test pad controller', onmidimessage: null };
              window.testMidi = {
                requests: 0,
                send(bytes) {
                  const data = new Uint8Array(bytes);
                  const event = typeof MIDIMessageEvent === 'function' ? new MIDIMessageEvent('midimessage', { data })
                    : { data };
                  if (input.onmidimessage) input.onmidimessage(event);
                  return input.onmidimessage !== null;
                },
              };
              navigator.requestMIDIAccess = async () => {
                window.testMidi.requests++;
                return { inputs: new Map([[input.id, input]]), outputs: new Map(), onstatechange: null };
              };
            })();
            """;

    private BrowserContext context;
    private Page page;
    private final List<String> pageErrors = new ArrayList<>();

    private Page open(String initScript) {
        context = app.newContext(1000, 900);
        if (initScript != null) context.addInitScript(initScript);
        page = context.newPage();
        page.onPageError(pageErrors::add);
        page.navigate(app.server().uri().toString());
        waitIdle();
        return page;
    }

    private void waitIdle() {
        page.waitForFunction("() => window.aivj && window.aivj.state === 'idle'");
    }

    @AfterEach
    void close() {
        if (context != null) context.close();
        assertEquals(List.of(), pageErrors, "uncaught errors in the page");
    }

    private void playSong(Path song) {
        PlayingSong.play(page, song);
    }

    private Object js(String expression) {
        return page.evaluate(expression);
    }

    private int pairIndex() {
        return ((Number) js("() => window.aivj.currentPair.index")).intValue();
    }

    private void press(String key) {
        page.keyboard().press(key);
    }

    @Test
    void theHelpOverlayListsEveryActionWithItsKeys() {
        open(null);
        page.locator("#console").screenshot(new Locator.ScreenshotOptions().setPath(Path.of("target", "vj-console.png")));
        Locator overlay = page.locator("#help-overlay");
        PlaywrightAssertions.assertThat(overlay).isHidden();
        press("?");
        PlaywrightAssertions.assertThat(overlay).isVisible();
        assertEquals(true, js("() => window.aivj.helpOpen"));
        // What a person must find in the help: each action and each of its keys (the page's key map may add
        // keys, not lose these).
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("playPause", List.of("Space"));
        expected.put("next", List.of("→", "N", "S"));
        expected.put("back", List.of("←", "B"));
        expected.put("lock", List.of("L"));
        expected.put("favourite", List.of("H", "*"));
        expected.put("fullscreen", List.of("F"));
        expected.put("hideUi", List.of("U"));
        expected.put("record", List.of("R"));
        expected.put("help", List.of("?"));
        expected.put("thumbUp", List.of("+", "="));
        expected.put("thumbDown", List.of("-"));
        for (int stars = 1; stars <= 5; stars++) {
            expected.put("rate" + stars, List.of(String.valueOf(stars)));
        }
        assertEquals(expected.size(), page.locator("#help-keys tr").count(), "one row per action");
        expected.forEach((action, keys) -> {
            Locator row = page.locator("#help-keys tr[data-action='" + action + "']");
            assertEquals(keys, row.locator("kbd").allTextContents(), "keys of " + action);
            assertFalse(row.locator("td").nth(1).textContent().isBlank(), "label of " + action);
        });
        overlay.screenshot(new Locator.ScreenshotOptions().setPath(Path.of("target", "vj-console-help-overlay.png")));
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "vj-console-help-overlay-page.png")));
        press("Escape");
        PlaywrightAssertions.assertThat(overlay).isHidden();
        // Its button opens it too, and its Close button closes it.
        page.click("#help-toggle");
        PlaywrightAssertions.assertThat(overlay).isVisible();
        assertEquals("true", page.getAttribute("#help-toggle", "aria-expanded"));
        page.click("#help-close");
        PlaywrightAssertions.assertThat(overlay).isHidden();
        press("?");
        press("?");
        PlaywrightAssertions.assertThat(overlay).isHidden();
    }

    @Test
    void shortcutsDriveTheShowAndFavouritesSurviveAReload() {
        open(null);
        playSong(MusicCache.sectoidSong("Metal madness"));
        int pairs = ((Number) js("() => window.aivj.analysis.pairs.length")).intValue();
        assertTrue(pairs >= 3, "sections: " + pairs);

        // Space: pause, play, pause (paused, no section boundary moves the pair while the keys do).
        press("Space");
        assertEquals(false, js("() => window.aivj.playing"));
        press("Space");
        assertEquals(true, js("() => window.aivj.playing"));
        press("Space");
        assertEquals(false, js("() => window.aivj.playing"));
        PlaywrightAssertions.assertThat(page.locator("#play-pause")).hasText("Play");

        int start = pairIndex();
        press("ArrowRight");
        assertEquals(start + 1, pairIndex(), "→ is the next pair");
        assertEquals("skip", js("() => window.aivj.currentPair.reason"));
        press("ArrowLeft");
        assertEquals(start, pairIndex(), "← is the previous pair");
        press("n");
        assertEquals(start + 1, pairIndex(), "N is the next pair");
        press("b");
        assertEquals(start, pairIndex(), "B is the previous pair");
        press("s");
        assertEquals(start + 1, pairIndex(), "S skips as Skip ▶ does");
        press("Shift+S"); // a capital letter works too
        assertEquals(start + 2, pairIndex());

        // Space is play / pause even on a focused button (it would click it too: the key is the shortcut's alone).
        page.focus("#pair-skip");
        press("Space");
        assertEquals(true, js("() => window.aivj.playing"));
        press("Space");
        assertEquals(false, js("() => window.aivj.playing"));
        assertEquals(start + 2, pairIndex(), "Space on the focused Skip button did not skip");

        // Typing in a field keeps its keys: the opacity slider takes the arrow, a select takes letters.
        page.focus("#fg-opacity");
        press("ArrowLeft");
        press("n");
        assertEquals(start + 2, pairIndex(), "keys in the opacity slider are not shortcuts");
        page.focus("#preset-bg");
        press("b");
        assertEquals(start + 2, pairIndex(), "keys in a select are not shortcuts");
        js("() => document.activeElement.blur()");

        press("l");
        assertEquals(true, js("() => window.aivj.locked"));
        assertEquals("true", page.getAttribute("#pair-lock", "aria-pressed"), "the Lock button follows the key");
        press("l");
        assertEquals(false, js("() => window.aivj.locked"));

        // Favourites: H stores the pair on now, * forgets it, H again keeps it across a reload.
        @SuppressWarnings("unchecked")
        Map<String, Object> pair = (Map<String, Object>) js("() => ({ fg: window.aivj.currentPair.pair.fg,"
                + " bg: window.aivj.currentPair.pair.bg })");
        press("h");
        assertEquals(List.of(pair), favourites());
        assertEquals("true", page.getAttribute("#pair-favourite", "aria-pressed"));
        press("*");
        assertEquals(List.of(), favourites());
        press("h");
        assertEquals(List.of(pair), favourites());
        page.click("#pair-skip");
        page.click("#pair-favourite"); // the button does what H does
        assertEquals(2, favourites().size());
        press("*");
        assertEquals(List.of(pair), favourites());

        // U hides everything but the stage; its button brings it back.
        press("u");
        assertEquals(true, js("() => window.aivj.uiHidden"));
        for (String hidden : List.of("#console", ".controls", "#pair-panel", "#results", "#drop-zone", "header.top")) {
            PlaywrightAssertions.assertThat(page.locator(hidden)).isHidden();
        }
        PlaywrightAssertions.assertThat(page.locator("#stage")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "vj-console-ui-hidden.png")));
        page.click("#ui-show");
        assertEquals(false, js("() => window.aivj.uiHidden"));
        PlaywrightAssertions.assertThat(page.locator("#console")).isVisible();
        page.click("#ui-hide");
        assertEquals(true, js("() => window.aivj.uiHidden"));
        press("u");
        assertEquals(false, js("() => window.aivj.uiHidden"));

        // F: the stage goes fullscreen (a key press lets the page ask), or the page says why not.
        press("f");
        page.waitForFunction("() => window.aivj.fullscreen === 'stage' || !document.getElementById('notice').hidden");
        assertEquals("stage", js("() => window.aivj.fullscreen"), () -> page.textContent("#notice"));
        press("f");
        page.waitForFunction("() => window.aivj.fullscreen === null");

        page.reload();
        waitIdle();
        assertEquals(List.of(pair), favourites(), "favourite pairs are kept across a reload");
        Object stored = js("() => JSON.parse(localStorage.getItem('aivj.favouritePairs')).map(p => ({ fg: p.fg, bg: p.bg }))");
        assertEquals(List.of(pair), stored);
    }

    @SuppressWarnings("unchecked")
    private List<Object> favourites() {
        return (List<Object>) js("() => window.aivj.favouritePairs.map(p => ({ fg: p.fg, bg: p.bg }))");
    }

    @Test
    void midiLearnBindsANoteAndAKnobThatSurviveAReload() {
        open(MIDI_STUB);
        assertEquals(0, ((Number) js("() => window.testMidi.requests")).intValue(),
                "no MIDI access is asked for before learn is clicked");
        page.click("#midi-learn");
        page.waitForFunction("() => window.aivj.midi.learning");
        page.selectOption("#midi-action", "hideUi");
        assertTrue((Boolean) js("() => window.testMidi.send([0x90, 36, 100])"), "the page listens to the input");
        page.waitForFunction("() => !window.aivj.midi.learning");
        PlaywrightAssertions.assertThat(page.locator("#midi-status")).containsText("note 36");
        assertEquals(false, js("() => window.aivj.uiHidden"), "the learning press binds, it does not act");
        // A knob: CC 7 on channel 2, bound to the help.
        page.click("#midi-learn");
        page.selectOption("#midi-action", "help");
        js("() => window.testMidi.send([0xB1, 7, 10])");
        assertEquals(Map.of("note:0:36", "hideUi", "cc:1:7", "help"), js("() => window.aivj.midi.bindings"));

        js("() => window.testMidi.send([0x90, 36, 90])");
        assertEquals(true, js("() => window.aivj.uiHidden"), "the pad hides the UI");
        js("() => window.testMidi.send([0x80, 36, 0])"); // note off: nothing
        js("() => window.testMidi.send([0x90, 36, 0])"); // note on with velocity 0 is a note off too
        assertEquals(true, js("() => window.aivj.uiHidden"));
        js("() => window.testMidi.send([0x90, 37, 90])"); // an unbound pad: nothing
        assertEquals(true, js("() => window.aivj.uiHidden"));
        js("() => window.testMidi.send([0x90, 36, 90])");
        assertEquals(false, js("() => window.aivj.uiHidden"));
        // The knob acts once as it turns up past the middle, not on every value it sends.
        js("() => { for (const v of [40, 70, 90, 127]) window.testMidi.send([0xB1, 7, v]); }");
        assertEquals(true, js("() => window.aivj.helpOpen"));
        js("() => { for (const v of [30, 100]) window.testMidi.send([0xB1, 7, v]); }");
        assertEquals(false, js("() => window.aivj.helpOpen"));

        page.reload();
        waitIdle();
        // Bindings made before: the page connects at load and the pad works without learning again.
        page.waitForFunction("() => window.aivj.midi.connected");
        assertEquals(Map.of("note:0:36", "hideUi", "cc:1:7", "help"), js("() => window.aivj.midi.bindings"));
        js("() => window.testMidi.send([0x90, 36, 100])");
        assertEquals(true, js("() => window.aivj.uiHidden"), "the binding survived the reload");
        page.click("#ui-show");
        page.click("#midi-clear");
        assertEquals(Map.of(), js("() => window.aivj.midi.bindings"));
        assertEquals("{}", js("() => localStorage.getItem('aivj.midiBindings')"));
    }

    @Test
    void midiSaysWhenTheBrowserHasNoWebMidiOrRefusesIt() {
        open("delete Navigator.prototype.requestMIDIAccess; delete navigator.requestMIDIAccess;");
        assertEquals(false, js("() => 'requestMIDIAccess' in navigator"));
        page.click("#midi-learn");
        PlaywrightAssertions.assertThat(page.locator("#notice")).containsText("no Web MIDI");
        assertEquals(false, js("() => window.aivj.midi.learning"));
        context.close();

        open("navigator.requestMIDIAccess = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));");
        page.click("#midi-learn");
        PlaywrightAssertions.assertThat(page.locator("#notice")).containsText("MIDI access was refused (NotAllowedError");
        assertEquals(false, js("() => window.aivj.midi.learning"));
    }

    @Test
    void aRecordingOfARealSongHasVideoAndAudioAndPlaysBack() throws Exception {
        open(null);
        Path song = MusicCache.chiptune();
        playSong(song);
        page.waitForFunction("() => window.aivj.renderedFrames > 5", null,
                new Page.WaitForFunctionOptions().setTimeout(60_000));
        press("r");
        page.waitForFunction("() => window.aivj.recording.recording");
        PlaywrightAssertions.assertThat(page.locator("#record-status")).isVisible();
        page.waitForFunction("() => window.aivj.recording.bytes > 0 && window.aivj.recording.seconds > 1.5", null,
                new Page.WaitForFunctionOptions().setTimeout(20_000));
        double early = ((Number) js("() => window.aivj.recording.bytes")).doubleValue();
        page.waitForFunction("() => window.aivj.recording.seconds > 4.5", null,
                new Page.WaitForFunctionOptions().setTimeout(20_000));
        double later = ((Number) js("() => window.aivj.recording.bytes")).doubleValue();
        assertTrue(later > early, "the file grows as it records: " + early + " → " + later + " bytes");
        String indicator = page.textContent("#record-status");
        assertTrue(indicator.matches("(?s).*REC 0:0[4-9] · \\d+ KB.*"), "indicator: " + indicator);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "vj-console-recording.png")));

        Download download = page.waitForDownload(() -> page.click("#record"));
        PlaywrightAssertions.assertThat(page.locator("#record-status")).isHidden();
        String stem = song.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        assertEquals(stem + " – AIVJ.webm", download.suggestedFilename());
        byte[] bytes = Files.readAllBytes(download.path());
        Path copy = Path.of("target", "vj-console-recording.webm");
        Files.write(copy, bytes);
        page.waitForFunction("() => window.aivj.recording.last !== null");
        @SuppressWarnings("unchecked")
        Map<String, Object> last = (Map<String, Object>) js("() => window.aivj.recording.last");
        double seconds = ((Number) last.get("seconds")).doubleValue();
        assertEquals(bytes.length, ((Number) last.get("bytes")).intValue(), "the download is the recording");

        // The file: one video and one audio track, each with blocks from the start to about the time recorded.
        List<WebmFile.Track> tracks = WebmFile.tracks(bytes);
        System.out.println("VjConsolePageTest: recorded " + seconds + " s, " + bytes.length + " bytes, " + last.get("type")
                + ": " + tracks);
        WebmFile.Track video = tracks.stream().filter(t -> t.type == WebmFile.VIDEO).findFirst().orElse(null);
        WebmFile.Track audio = tracks.stream().filter(t -> t.type == WebmFile.AUDIO).findFirst().orElse(null);
        assertNotNull(video, "a video track: " + tracks);
        assertNotNull(audio, "an audio track: " + tracks);
        assertTrue(video.codec.startsWith("V_VP"), video.toString());
        assertEquals("A_OPUS", audio.codec);
        // The video has a frame each time the stage draws: software WebGL on a busy 2-core machine draws about one a
        // second, a GPU sixty. The black opening frame and at least two of the stage's.
        assertTrue(video.blocks >= 3, "video frames: " + video);
        assertTrue(audio.blocks >= 50, "audio packets: " + audio);
        for (WebmFile.Track t : List.of(video, audio)) {
            assertTrue(t.first < 0.5, "starts at the start: " + t);
            assertTrue(t.last > seconds - 1.5 && t.last < seconds + 0.5, "lasts about " + seconds + " s: " + t);
        }

        // The browser plays it back: its duration (found by seeking to the end: MediaRecorder writes none), a
        // picture of the recording's size, and decoded audio.
        @SuppressWarnings("unchecked")
        Map<String, Object> played = (Map<String, Object>) page.evaluate("async (url) => {"
                + " const v = document.createElement('video'); v.muted = true; v.src = url; document.body.append(v);"
                + " await new Promise((ok, bad) => { v.onloadedmetadata = ok; v.onerror = () => bad(new Error('no load')); });"
                + " const header = v.duration;"
                + " if (!Number.isFinite(v.duration)) { v.currentTime = 1e6;"
                + "   await new Promise((ok) => { const t = setInterval(() => { if (Number.isFinite(v.duration)) { clearInterval(t); ok(); } }, 50); }); }"
                + " const duration = v.duration;"
                + " v.currentTime = 0; await new Promise((ok) => { v.onseeked = ok; });"
                + " await v.play(); await new Promise((ok) => setTimeout(ok, 1200)); v.pause();"
                + " const time = v.currentTime;"
                + " const c = document.createElement('canvas'); c.width = v.videoWidth; c.height = v.videoHeight;"
                + " const g = c.getContext('2d');"
                + " const litNow = () => { g.drawImage(v, 0, 0); const px = g.getImageData(0, 0, c.width, c.height).data;"
                + "   let lit = 0; for (let i = 0; i < px.length; i += 4) if (px[i] + px[i + 1] + px[i + 2] > 60) lit++;"
                + "   return lit / (px.length / 4); };"
                + " const litEarly = litNow();"
                + " v.currentTime = duration - 0.3; await new Promise((ok) => { v.onseeked = ok; });"
                + " return { header, duration, width: v.videoWidth, height: v.videoHeight, time,"
                + "   audioBytes: v.webkitAudioDecodedByteCount, videoBytes: v.webkitVideoDecodedByteCount,"
                + "   litEarly, lit: litNow() }; }", last.get("url"));
        System.out.println("VjConsolePageTest: playback " + played);
        double duration = ((Number) played.get("duration")).doubleValue();
        assertTrue(duration > 0 && Math.abs(duration - seconds) < 1.0, "duration " + duration + " vs recorded " + seconds);
        assertTrue(((Number) played.get("width")).intValue() > 0, "a picture: " + played);
        assertTrue(((Number) played.get("time")).doubleValue() > 0.5, "it plays: " + played);
        assertTrue(((Number) played.get("audioBytes")).longValue() > 0, "audio decoded: " + played);
        assertTrue(((Number) played.get("lit")).doubleValue() > 0.01, "the picture is not black: " + played);
        assertEquals(true, js("() => window.aivj.playing"), "the show plays on through the recording");
    }
}
