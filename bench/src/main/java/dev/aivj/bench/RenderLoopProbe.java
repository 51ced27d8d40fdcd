package dev.aivj.bench;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Row 5: is the render loop blocked while the worker analyses? Loads the real app page (index.html), records
 * every requestAnimationFrame time on the main thread with the page's state, lets it settle, idles for {@value #IDLE_MS} ms (the
 * "before" window), drops the song on #file-input and waits for state 'ready'. Reports the longest interval
 * between two frames before, while the worker runs the engine (from the song's postMessage to the worker's answer,
 * window.aivj.workerRun), and over the whole load (decoding, resampling, analysing and showing the result, where
 * the main thread has work of its own). Also when the show became music-aware: from the end of decoding (state
 * 'analysing') to the first plan on (state 'opening', or 'ready' for a short song), to the first frame the layers
 * drew with it (its mix and look), and to the first frame with the plan's pair loaded on both layers (projectM
 * layers; butterchurn layers keep their own presets).
 */
public final class RenderLoopProbe {
    static final int IDLE_MS = 3_000;
    static final int SETTLE_MS = 2_000;
    private static final double PAIR_WAIT_MS = 5_000;
    private static final double SONG_TIMEOUT_MS = 180_000;

    /**
     * workerNoPresetLoadMaxGapMs: the longest gap while the worker analyses between frames when no layer was
     * loading a preset (projectM compiles a preset's shaders on the main thread; with progressive analysis the
     * opening's pair loads while the rest of the song is analysed).
     */
    public record Result(double idleMaxGapMs, int idleFrames, double workerMaxGapMs, int workerFrames,
            double workerNoPresetLoadMaxGapMs, double workerMs, double loadMaxGapMs, double loadMs,
            MusicAware musicAware) {
    }

    /** After decoding: the first plan on, the first frame drawn with it, with its pair (ms; NaN if never seen). */
    public record MusicAware(double planMs, double frameMs, double pairFrameMs, boolean opening) {
    }

    private RenderLoopProbe() {
    }

    public static Result run(BrowserSession browser, BenchSong song) throws Exception {
        Path file = song.file();
        Path temp = null;
        if (song.isExcerpt()) {
            temp = Files.createTempFile("aivj-bench-", ".wav");
            WavWriter.write(temp, song.interleaved(), song.channels(), song.sampleRate());
            file = temp;
        }
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(browser.baseUrl());
            page.waitForFunction("() => window.aivj && window.aivj.state === 'idle'");
            // Let the page finish starting (layers, preset library) so "idle" means idle.
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            page.waitForTimeout(SETTLE_MS);
            page.evaluate("() => { window.__benchFrames = []; const loop = () => { const a = window.aivj;"
                    + " const p = a.currentPair && a.currentPair.pair; const on = a.presets;"
                    + " const aware = Boolean(p && on.fg === p.fg && on.bg === p.bg"
                    + "   && !a.loadingPresets.fg && !a.loadingPresets.bg);"
                    + " const loading = Boolean(a.loadingPresets.fg || a.loadingPresets.bg);"
                    + " window.__benchFrames.push([performance.now(), a.state, a.renderedFrames, aware, loading]);"
                    + " requestAnimationFrame(loop); }; requestAnimationFrame(loop);"
                    // The app sets body[data-state] in its state listener: the exact time of each change.
                    + " window.__benchStates = []; new MutationObserver(() => window.__benchStates.push("
                    + "   [performance.now(), document.body.dataset.state]))"
                    + " .observe(document.body, { attributes: true, attributeFilter: ['data-state'] }); }");
            page.waitForTimeout(IDLE_MS);
            double dropAt = Js.num(page.evaluate("() => performance.now()"));
            page.locator("#file-input").setInputFiles(file);
            page.waitForFunction("() => ['ready', 'error'].includes(window.aivj.state)", null,
                    new Page.WaitForFunctionOptions().setTimeout(SONG_TIMEOUT_MS).setPollingInterval(100));
            if (!"ready".equals(page.evaluate("() => window.aivj.state"))) {
                throw new IllegalStateException("the app page failed on the song: " + page.textContent("#error"));
            }
            // The opening's pair may still be loading: wait for it (a butterchurn layer keeps its own presets).
            try {
                page.waitForFunction("() => { const a = window.aivj; const p = a.currentPair && a.currentPair.pair;"
                        + " return p && a.presets.fg === p.fg && a.presets.bg === p.bg"
                        + "   && !a.loadingPresets.fg && !a.loadingPresets.bg; }", null,
                        new Page.WaitForFunctionOptions().setTimeout(PAIR_WAIT_MS).setPollingInterval(50));
            } catch (com.microsoft.playwright.TimeoutError e) {
                // reported as NaN: the layers never showed the plan's pair
            }
            page.waitForTimeout(200);
            Map<String, Object> run = Js.obj(page.evaluate("() => window.aivj.workerRun"));
            List<Object> frames = Js.list(page.evaluate("() => window.__benchFrames"));
            return measure(frames, dropAt, Js.num(run, "postedAt"), Js.num(run, "answeredAt"),
                    musicAware(frames, Js.list(page.evaluate("() => window.__benchStates"))));
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * frames: [time, state, drawn, pair on, preset loading] per animation frame; a gap belongs to a window when its
     * later frame does. The worker's window is (postedAt, answeredAt]: frames the main thread drew while the engine
     * ran; a gap where either frame saw a preset loading counts as the preset load's too.
     */
    static Result measure(List<Object> frames, double dropAt, double postedAt, double answeredAt,
            MusicAware musicAware) {
        double idleMax = 0;
        double workerMax = 0;
        double workerNoLoadMax = 0;
        double loadMax = 0;
        int idleFrames = 0;
        int workerFrames = 0;
        double readyAt = Double.NaN;
        for (int i = 1; i < frames.size(); i++) {
            List<Object> prev = Js.list(frames.get(i - 1));
            List<Object> cur = Js.list(frames.get(i));
            double t = Js.num(cur.get(0));
            double gap = t - Js.num(prev.get(0));
            if (t <= dropAt) {
                idleMax = Math.max(idleMax, gap);
                idleFrames++;
                continue;
            }
            if (Double.isNaN(readyAt)) {
                loadMax = Math.max(loadMax, gap);
                if (String.valueOf(cur.get(1)).equals("ready")) {
                    readyAt = t;
                }
            }
            if (t > postedAt && t <= answeredAt) {
                workerMax = Math.max(workerMax, gap);
                workerFrames++;
                if (!Boolean.TRUE.equals(prev.get(4)) && !Boolean.TRUE.equals(cur.get(4))) {
                    workerNoLoadMax = Math.max(workerNoLoadMax, gap);
                }
            }
        }
        if (idleFrames == 0 || workerFrames == 0) {
            throw new IllegalStateException("the render loop probe saw no frames " + (idleFrames == 0
                    ? "before the song" : "while the worker analysed"));
        }
        return new Result(idleMax, idleFrames, workerMax, workerFrames, workerNoLoadMax, answeredAt - postedAt,
                loadMax, readyAt - dropAt, musicAware);
    }

    /**
     * frames: [time, state, rendered frames, plan pair on]; states: [time, state] per change. Decoding ends when
     * the state turns 'analysing'; the first plan is on at 'opening' (a long song's opening plan) or 'ready'.
     */
    static MusicAware musicAware(List<Object> frames, List<Object> states) {
        double decodedAt = Double.NaN;
        double planAt = Double.NaN;
        boolean opening = false;
        for (Object o : states) {
            List<Object> change = Js.list(o);
            String state = String.valueOf(change.get(1));
            if (state.equals("analysing") && Double.isNaN(decodedAt)) {
                decodedAt = Js.num(change.get(0));
            } else if ((state.equals("opening") || state.equals("ready")) && Double.isNaN(planAt)) {
                planAt = Js.num(change.get(0));
                opening = state.equals("opening");
            }
        }
        double frameAt = Double.NaN;
        double pairFrameAt = Double.NaN;
        for (int i = 1; i < frames.size() && Double.isNaN(pairFrameAt); i++) {
            List<Object> prev = Js.list(frames.get(i - 1));
            List<Object> cur = Js.list(frames.get(i));
            double t = Js.num(cur.get(0));
            if (t <= planAt || Js.num(cur.get(2)) <= Js.num(prev.get(2))) {
                continue; // before the plan, or the layers drew nothing this frame
            }
            if (Double.isNaN(frameAt)) {
                frameAt = t;
            }
            if (Boolean.TRUE.equals(cur.get(3))) {
                pairFrameAt = t;
            }
        }
        return new MusicAware(planAt - decodedAt, frameAt - decodedAt, pairFrameAt - decodedAt, opening);
    }

    public static void addRows(BenchTable table, BenchSong song, Result r) {
        String rt = "5 app page main thread";
        table.add(new BenchRow(song.label(), rt, "longest rAF gap, idle " + IDLE_MS / 1000 + " s",
                Double.NaN, new Stats(r.idleFrames(), r.idleMaxGapMs(), r.idleMaxGapMs()), Double.NaN));
        table.add(new BenchRow(song.label(), rt, String.format(java.util.Locale.ROOT,
                "longest rAF gap, worker analysing (%.0f ms)", r.workerMs()), Double.NaN,
                new Stats(r.workerFrames(), r.workerMaxGapMs(), r.workerMaxGapMs()), Double.NaN));
        table.add(new BenchRow(song.label(), rt, "longest rAF gap, worker analysing, no preset loading", Double.NaN,
                new Stats(r.workerFrames(), r.workerNoPresetLoadMaxGapMs(), r.workerNoPresetLoadMaxGapMs()),
                Double.NaN));
        table.add(new BenchRow(song.label(), rt, String.format(java.util.Locale.ROOT,
                "longest rAF gap, drop→ready (%.0f ms)", r.loadMs()), Double.NaN,
                new Stats(1, r.loadMaxGapMs(), r.loadMaxGapMs()), Double.NaN));
        MusicAware m = r.musicAware();
        String plan = m.opening() ? "opening plan" : "whole plan";
        table.add(new BenchRow(song.label(), rt, "decoded → " + plan + " on", Double.NaN,
                new Stats(1, m.planMs(), m.planMs()), Double.NaN));
        table.add(new BenchRow(song.label(), rt, "decoded → first frame drawn on the plan", Double.NaN,
                new Stats(1, m.frameMs(), m.frameMs()), Double.NaN));
        table.add(new BenchRow(song.label(), rt, "decoded → first frame with the plan's pair loaded (projectM)",
                Double.NaN, new Stats(1, m.pairFrameMs(), m.pairFrameMs()), Double.NaN));
    }
}
