package dev.aivj.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.aivj.audioio.MusicCache;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The preset browser in the real page with the real preset library (Debian's projectm-data, its measured looks)
 * and pair library: search by name and author, the look filter, and the blocklist and favourites, which the
 * engine respects when it re-plans the song playing and which the browser keeps across a reload.
 */
class PresetBrowserPageTest {
    @RegisterExtension
    static final LiveApp app = new LiveApp();

    /** A preset of projectm-data's milkdrop pack, by Aderrasi (the page's default foreground). */
    static final String AGITATOR = "presets_milkdrop/aderrasi-agitator";
    static final Pattern COUNT = Pattern.compile("(\\d+) of (\\d+) presets");

    private IdlePage open;
    private Page page;

    @BeforeEach
    void openPage() {
        open = IdlePage.open(app, 1200, 900);
        page = open.page();
    }

    @AfterEach
    void closePage() {
        open.close();
    }

    private void openBrowser() {
        page.click("#preset-browser-open");
        page.waitForFunction("() => /\\d+ of \\d+ presets/.test(document.getElementById('preset-count').textContent)");
    }

    /** {shown, total} from the browser's count line. */
    private int[] count() {
        Matcher m = COUNT.matcher(page.textContent("#preset-count"));
        assertTrue(m.find(), "count line: " + page.textContent("#preset-count"));
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    private void search(String text) {
        page.fill("#preset-search", text);
    }

    @SuppressWarnings("unchecked")
    private List<String> visibleIds() {
        return (List<String>) page.evaluate("() => [...document.querySelectorAll('#preset-rows .preset-row')]"
                + ".map((r) => r.dataset.id)");
    }

    @Test
    void searchFindsAPresetByNameAndByAuthorAndTheLookFilterNarrowsTheList() {
        openBrowser();
        int total = count()[1];
        assertTrue(total > 3000, "the whole projectm-data library is listed: " + total);
        assertEquals(total, count()[0]);

        search("agitator");
        assertTrue(visibleIds().contains(AGITATOR), "search by name: " + visibleIds());
        assertTrue(count()[0] < 10, "a name search lists few presets: " + count()[0]);

        search("");
        page.fill("#preset-author", "aderrasi");
        int byAuthor = count()[0];
        assertTrue(byAuthor > 200 && byAuthor < 400, "Aderrasi wrote (alone or with others) over 200 presets of "
                + "projectm-data: " + byAuthor);
        @SuppressWarnings("unchecked")
        List<String> metas = (List<String>) page.evaluate("() => [...document.querySelectorAll("
                + "'#preset-rows .preset-meta')].map((m) => m.textContent)");
        assertFalse(metas.isEmpty());
        for (String meta : metas) {
            assertTrue(meta.toLowerCase().split(" · ")[0].contains("aderrasi"), "every row found by author is theirs: "
                    + meta);
        }
        // The name search covers authors too ("Aderrasi - ..."), so it finds at least as many.
        page.fill("#preset-author", "");
        search("aderrasi");
        assertTrue(count()[0] >= byAuthor, "name or author: " + count()[0]);

        search("");
        page.selectOption("#preset-look-filters select[data-axis=motion]", "high");
        int highMotion = count()[0];
        assertTrue(highMotion > total / 5 && highMotion < total / 2,
                "the top third by motion of the measured presets: " + highMotion + " of " + total);
        @SuppressWarnings("unchecked")
        List<String> titles = (List<String>) page.evaluate("() => [...document.querySelectorAll("
                + "'#preset-rows .look-bar[data-axis=motion]')].map((b) => b.title)");
        for (String title : titles) {
            int percentile = Integer.parseInt(title.replaceAll("\\D+", " ").trim());
            assertTrue(percentile >= 66, "a high-motion row: " + title);
        }
        page.selectOption("#preset-look-filters select[data-axis=brightness]", "low");
        int narrower = count()[0];
        assertTrue(narrower > 0 && narrower < highMotion, "a second axis narrows it further: " + narrower);
        page.selectOption("#preset-style", "ambient");
        assertTrue(count()[0] <= narrower, "a style narrows it too: " + count()[0]);

        // The list stays virtual: only the rows in view are in the page, whatever the count.
        page.selectOption("#preset-look-filters select[data-axis=motion]", "");
        page.selectOption("#preset-look-filters select[data-axis=brightness]", "");
        page.selectOption("#preset-style", "");
        assertTrue(visibleIds().size() < 60, "rows in the DOM: " + visibleIds().size());
        page.locator("#preset-rows").evaluate("e => { e.scrollTop = e.scrollHeight; }");
        page.waitForFunction("() => [...document.querySelectorAll('#preset-rows .preset-row')].length > 0"
                + " && document.querySelector('#preset-rows .preset-row:last-child').style.top !== ''");
        page.fill("#preset-author", "Geiss");
        page.selectOption("#preset-look-filters select[data-axis=motion]", "high");
        page.locator("#preset-browser").screenshot(new Locator.ScreenshotOptions()
                .setPath(Path.of("target", "preset-browser.png")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBlockedPresetLeavesThePlanAndFavouritesSurviveAReload() {
        page.locator("#file-input").setInputFiles(MusicCache.sectoidSong("Metal madness"));
        page.waitForFunction("() => ['ready', 'error'].includes(window.aivj.state) && window.aivj.currentPair", null,
                new Page.WaitForFunctionOptions().setTimeout(120_000).setPollingInterval(100));
        assertEquals("ready", page.evaluate("() => window.aivj.state"), () -> page.textContent("#error"));
        List<Map<String, Object>> before = (List<Map<String, Object>>) page.evaluate("() => window.aivj.analysis.pairs");
        String playing = (String) page.evaluate("() => window.aivj.currentPair.pair.fg");
        String later = (String) before.get(before.size() - 1).get("bg");

        openBrowser();
        // Block the front preset playing now, from the browser's "playing now" strip ...
        page.click("#preset-now .preset-now-item[data-id='" + playing + "'] .preset-block");
        // ... and one the plan plays later, from the list.
        String laterName = (String) page.evaluate("id => fetch('/presets/projectm/index.json').then((r) => r.json())"
                + ".then((i) => i.presets.find((p) => p.id === id).name)", later);
        search(laterName);
        page.click("#preset-rows .preset-row[data-id='" + later + "'] .preset-block");
        page.waitForFunction("ids => window.aivj.replans >= 2 && !window.aivj.analysis.pairs.some("
                + "(p) => ids.includes(p.fg) || ids.includes(p.bg))", List.of(playing, later),
                new Page.WaitForFunctionOptions().setTimeout(30_000));
        List<Map<String, Object>> after = (List<Map<String, Object>>) page.evaluate("() => window.aivj.analysis.pairs");
        assertEquals(before.size(), after.size(), "the re-plan keeps the song's sections");
        for (int i = 0; i < after.size(); i++) {
            assertEquals(before.get(i).get("start"), after.get(i).get("start"), "section " + i + " start");
        }
        for (Map<String, Object> p : after) {
            assertFalse(List.of(playing, later).contains(p.get("fg")) || List.of(playing, later).contains(p.get("bg")),
                    "a re-planned pair holds a blocked preset: " + p);
        }
        // The pair on now held a blocked preset: it gave way to the new plan's pair at once.
        page.waitForFunction("id => window.aivj.currentPair.pair.fg !== id && window.aivj.currentPair.pair.bg !== id",
                playing, new Page.WaitForFunctionOptions().setTimeout(10_000));
        assertNotEquals(playing, page.evaluate("() => window.aivj.presets.fg === undefined ? null"
                + " : window.aivj.currentPair.pair.fg"));

        // A favourite, set from the list, and the blocklist survive a reload (localStorage, keys aivj.*).
        search("agitator");
        page.click("#preset-rows .preset-row[data-id='" + AGITATOR + "'] .preset-fav");
        assertEquals("true", page.getAttribute("#preset-rows .preset-row[data-id='" + AGITATOR + "'] .preset-fav",
                "aria-pressed"));
        page.reload();
        page.waitForFunction("() => window.aivj && window.aivj.state === 'idle'");
        List<String> stored = (List<String>) page.evaluate("() => Object.keys(localStorage).filter((k) => k.startsWith('aivj.'))");
        assertTrue(stored.contains("aivj.presetFavourites") && stored.contains("aivj.presetBlocklist"), "keys: " + stored);
        openBrowser();
        page.selectOption("#preset-list", "favourites");
        assertEquals(List.of(AGITATOR), visibleIds(), "the favourites after a reload");
        page.selectOption("#preset-list", "blocked");
        assertEquals(List.of(later, playing).stream().sorted().toList(), visibleIds().stream().sorted().toList(),
                "the blocklist after a reload");
        page.locator("#preset-browser").screenshot(new Locator.ScreenshotOptions()
                .setPath(Path.of("target", "preset-browser-blocklist.png")));
    }
}
