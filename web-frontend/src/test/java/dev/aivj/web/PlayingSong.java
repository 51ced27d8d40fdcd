package dev.aivj.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import java.nio.file.Path;

/** A song chosen in the page's file input, waited for until it plays; the keys then go to the page. */
final class PlayingSong {
    private PlayingSong() {
    }

    static void play(Page page, Path song) {
        page.locator("#file-input").setInputFiles(song);
        page.waitForFunction("() => ['ready', 'error'].includes(window.aivj.state)", null,
                new Page.WaitForFunctionOptions().setTimeout(120_000).setPollingInterval(100));
        assertEquals("ready", page.evaluate("() => window.aivj.state"), () -> page.textContent("#error"));
        page.waitForFunction("() => window.aivj.playing && window.aivj.currentTime > 0.3", null,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
        // Keys go to the page, not to the file input that has the focus after choosing the song.
        page.evaluate("() => document.activeElement && document.activeElement.blur()");
    }
}
