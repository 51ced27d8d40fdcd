package dev.aivj.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Position;
import dev.aivj.audioio.MusicCache;
import dev.aivj.engine.mix.LayerMix;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pair plan in the real page with the shipped models and pair library: real songs of different styles,
 * pairs that change only at section boundaries, and the lock / skip / back controls.
 */
class PairShowPageTest {
    @RegisterExtension
    static final LiveApp app = new LiveApp();

    private IdlePage open;
    private Page page;

    @BeforeEach
    void openPage() {
        open = IdlePage.open(app, 1000, 900);
        page = open.page();
    }

    @AfterEach
    void closePage() {
        open.close();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> analyse(Path song) {
        page.locator("#file-input").setInputFiles(song);
        page.waitForFunction("() => ['ready', 'error'].includes(window.aivj.state)", null,
                new Page.WaitForFunctionOptions().setTimeout(120_000).setPollingInterval(100));
        assertEquals("ready", page.evaluate("() => window.aivj.state"), () -> page.textContent("#error"));
        assertEquals("loaded", page.evaluate("() => window.aivj.library && window.aivj.library.status"));
        return (List<Map<String, Object>>) page.evaluate("() => window.aivj.analysis.pairs");
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    /** Seeks by clicking the feature plot where {@code seconds} is. */
    private void seek(double seconds) {
        double duration = num(page.evaluate("() => window.aivj.analysis.durationSeconds"));
        Locator plot = page.locator("#feature-plot");
        double width = plot.boundingBox().width;
        plot.click(new Locator.ClickOptions().setPosition(new Position(width * seconds / duration, 20)));
    }

    private int currentIndex() {
        return ((Number) page.evaluate("() => window.aivj.currentPair.index")).intValue();
    }

    private void waitForTime(double seconds) {
        page.waitForFunction("s => window.aivj.playing && window.aivj.currentTime > s", seconds,
                new Page.WaitForFunctionOptions().setTimeout(30_000).setPollingInterval(50));
    }

    @Test
    void songsOfDifferentStylesGetDifferentPairsThatChangeOnlyAtSectionBoundaries() {
        List<Map<String, Object>> chip = analyse(MusicCache.chiptune());
        List<Map<String, Object>> rock = analyse(MusicCache.sectoidSong("Metal madness"));
        System.out.println("PairShowPageTest: chiptune pairs " + chip);
        System.out.println("PairShowPageTest: rock pairs " + rock);
        assertTrue(rock.size() >= 2, "the rock song has several sections: " + rock.size());
        List<Object> chipPairs = chip.stream().map(p -> List.of(p.get("fg"), p.get("bg"), p.get("w_s"), p.get("w_t")))
                .map(Object.class::cast).toList();
        List<Object> rockPairs = rock.stream().map(p -> List.of(p.get("fg"), p.get("bg"), p.get("w_s"), p.get("w_t")))
                .map(Object.class::cast).toList();
        assertNotEquals(chipPairs.get(0), rockPairs.get(0), "different songs, different first pair");
        // At most one pair in both shows: a pair may serve a section the model reads with little confidence (the
        // chiptune song's second section reads chiptune at 0.33 and shares its pair with a rock section), but the
        // two shows must not be mostly the same.
        long shared = chipPairs.stream().filter(rockPairs::contains).count();
        assertTrue(shared <= 1, shared + " pairs of the chiptune song's show also play in the rock song's: "
                + chipPairs + " / " + rockPairs);

        // Sections tile the song and start on beats.
        @SuppressWarnings("unchecked")
        List<Number> beats = (List<Number>) page.evaluate("() => window.aivj.analysis.beats");
        for (int i = 1; i < rock.size(); i++) {
            double start = num(rock.get(i).get("start"));
            assertEquals(num(rock.get(i - 1).get("end")), start, 1e-9);
            assertTrue(beats.stream().anyMatch(b -> Math.abs(b.doubleValue() - start) < 1e-6), "on a beat: " + start);
        }

        // Play across the first boundary: the pair changes there and nowhere else.
        double boundary = num(rock.get(1).get("start"));
        seek(Math.max(0, boundary - 1.5));
        waitForTime(boundary + 0.5);
        assertEquals(1, currentIndex());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) page.evaluate("() => window.aivj.pairHistory");
        for (Map<String, Object> h : history) {
            int index = ((Number) h.get("index")).intValue();
            double at = num(h.get("at"));
            double start = num(rock.get(index).get("start"));
            double end = num(rock.get(index).get("end"));
            assertTrue(at >= start - 1e-6 && at < end, "pair " + index + " shown at " + at + " inside its section "
                    + start + ".." + end);
        }
        assertEquals(rock.get(1).get("fg"), page.evaluate("() => window.aivj.currentPair.pair.fg"));
        page.waitForFunction("p => window.aivj.presets.fg === p.fg && window.aivj.presets.bg === p.bg",
                rock.get(1), new Page.WaitForFunctionOptions().setTimeout(30_000));
        page.locator("#stage").screenshot(new Locator.ScreenshotOptions()
                .setPath(Path.of("target", "pair-mix-rock-section-2.png")));
    }

    @Test
    void lockSkipAndBackControlThePair() {
        List<Map<String, Object>> rock = analyse(MusicCache.sectoidSong("Metal madness"));
        assertTrue(rock.size() >= 3, "sections: " + rock.size());
        waitForTime(0.3);
        assertEquals(0, currentIndex());
        // The pair's mix is live: the foreground's opacity sits between 3/4 and all of the mix's, by its energy.
        Map<String, Object> live = (Map<String, Object>) page.evaluate("() => ({ e: window.aivj.energy.fg,"
                + " base: window.aivj.currentPair.mix.fgOpacity,"
                + " shown: Number(getComputedStyle(document.getElementById('layer-fg')).opacity) })");
        double e = num(live.get("e"));
        assertTrue(e >= 0 && e <= 1, "energy " + live);
        assertEquals(num(live.get("base")) * (0.75 + 0.25 * e), num(live.get("shown")), 0.02, "opacity " + live);
        double clickedAt = num(page.evaluate("() => window.aivj.currentTime"));
        page.click("#pair-skip");
        assertEquals(1, currentIndex());
        assertEquals("skip", page.evaluate("() => window.aivj.currentPair.reason"));
        // The skip's cut waits for the song's next beat: it lands on the first frame after a beat, before the next.
        page.waitForFunction("() => window.aivj.cuts.some(c => c.reason === 'skip')");
        double cutAt = num(page.evaluate("() => window.aivj.cuts.filter(c => c.reason === 'skip').pop().at"));
        List<Double> beats = ((List<?>) page.evaluate("() => window.aivj.analysis.beats")).stream()
                .map(b -> num(b)).toList();
        double beat = beats.stream().filter(b -> b <= cutAt).reduce((a, b) -> b).orElseThrow();
        double nextBeat = beats.stream().filter(b -> b > cutAt).findFirst().orElse(Double.MAX_VALUE);
        assertTrue(beat > clickedAt && cutAt < nextBeat, "the skip clicked at " + clickedAt + " s was cut at "
                + cutAt + " s, after the beat at " + beat + " s and before the next at " + nextBeat + " s");
        page.waitForFunction("p => window.aivj.presets.fg === p.fg && window.aivj.presets.bg === p.bg",
                rock.get(1), new Page.WaitForFunctionOptions().setTimeout(30_000));
        page.click("#pair-back");
        assertEquals(0, currentIndex());

        // Locked: crossing a boundary keeps the pair.
        page.click("#pair-lock");
        assertEquals("true", page.getAttribute("#pair-lock", "aria-pressed"));
        double boundary = num(rock.get(1).get("start"));
        seek(boundary - 1.0);
        waitForTime(boundary + 0.5);
        assertEquals(0, currentIndex(), "locked pair stays across the boundary");
        // Unlocked: the plan's pair for this moment returns.
        page.click("#pair-lock");
        assertEquals(1, currentIndex());
        assertTrue(page.textContent("#pair-ws").matches("-?\\d+\\.\\d\\d"), page.textContent("#pair-ws"));
    }

    /** w_t sets how fast the layers follow a step in energy: a tight pair within 0.2 s, a loose one lags. */
    @Test
    void tightCouplingFollowsEnergyFasterThanLooseCoupling() {
        // The follow times are the engine's (engine-core LayerMix), as the plan carries them to the page.
        Map<String, Object> r = (Map<String, Object>) page.evaluate("async (taus) => {"
                + " const { EnergyFollower } = await import('/show/energy-follower.js');"
                + " const rms = [...Array(100).fill(0), ...Array(100).fill(0.5)];" // a step at 10 s (10 frames/s)
                + " const step = (tau) => { const f = new EnergyFollower(rms, 10);"
                + "   f.update(9.8, tau); f.update(9.9, tau); return f.update(10.1, tau); };"
                + " return { tight: step(taus[0]), loose: step(taus[1]) }; }",
                List.of(LayerMix.of(0, 4).followSeconds(), LayerMix.of(0, -4).followSeconds()));
        Map<String, Number> tight = (Map<String, Number>) r.get("tight");
        Map<String, Number> loose = (Map<String, Number>) r.get("loose");
        assertTrue(num(tight.get("fg")) > 0.9, "tight foreground reaches the new level: " + r);
        assertTrue(num(loose.get("fg")) < 0.5, "loose foreground lags: " + r);
        assertTrue(num(loose.get("bg")) < num(loose.get("fg")), "the background follows more slowly: " + r);
    }

    /** Each of the first sections of three real songs: its pair loads in both layers and the mix is visible. */
    @Test
    @SuppressWarnings("unchecked")
    void thePairsOfThreeSongsRenderVisibleMixes() {
        Map<String, Path> songs = new java.util.LinkedHashMap<>();
        songs.put("chiptune2", MusicCache.chiptune());
        songs.put("metal-madness", MusicCache.sectoidSong("Metal madness"));
        songs.put("war-of-freedom", MusicCache.sectoidSong("War of freedom"));
        for (Map.Entry<String, Path> song : songs.entrySet()) {
            List<Map<String, Object>> pairs = analyse(song.getValue());
            double clearest = 0;
            for (int i = 0; i < Math.min(3, pairs.size()); i++) {
                Map<String, Object> section = pairs.get(i);
                // Into the section (its middle, at most 4 s in): some presets open flat for a second or two, and
                // this checks the pair's mix, not a preset's opening.
                double start = num(section.get("start"));
                seek(start + Math.min(4.0, Math.max(0.5, (num(section.get("end")) - start) / 2)));
                // The pair on is the plan's, or in the first section the opening plan's pair, kept on until the
                // section ends (PairShow.following): a viewer's learned taste may pick differently for 15 s of music.
                page.waitForFunction("s => { const on = window.aivj.currentPair; return on !== null"
                        + " && on.pair.start <= s && on.pair.end > s && window.aivj.presets.fg === on.pair.fg"
                        + " && window.aivj.presets.bg === on.pair.bg && !window.aivj.loadingPresets.fg"
                        + " && !window.aivj.loadingPresets.bg; }", start + 0.1,
                        new Page.WaitForFunctionOptions().setTimeout(30_000));
                Map<String, Object> pair = (Map<String, Object>) page.evaluate("() => window.aivj.currentPair.pair");
                // Measured once the render scale has settled and both layers have warmed up: on slow software
                // rendering the scale steps down during the show, and every step starts the projectM pictures over.
                SettledStage.await(page, 60_000);
                String stage = SettledStage.describe(page);
                Path shot = Path.of("target", "pair-mix-" + song.getKey() + "-" + (i + 1) + ".png");
                PixelStats stats = PixelStats.of(page.locator("#stage").screenshot(
                        new Locator.ScreenshotOptions().setPath(shot)), 8);
                System.out.printf("PairShowPageTest: %s section %d %.1f-%.1f s: %s over %s, w_s %s, w_t %s, %s; %s -> %s%n",
                        song.getKey(), i + 1, num(pair.get("start")), num(pair.get("end")), pair.get("fg"),
                        pair.get("bg"), pair.get("w_s"), pair.get("w_t"), stage, stats, shot.toAbsolutePath());
                // Never blank (a blank stage is 0). Some planned pairs are low in contrast at a given moment (the
                // metal-madness opening pair measured 1.4): judging a pair's look is the quality gates' work
                // (issue 18); here each song must show at least one clearly visible mix (> 3).
                assertTrue(stats.stdDev() > 1.0, "mix drawn for " + pair + ": " + stats);
                clearest = Math.max(clearest, stats.stdDev());
            }
            assertTrue(clearest > 3.0, "a clearly visible mix among the first pairs of " + song.getKey() + ": "
                    + clearest);
        }
    }
}
