package dev.aivj.web;

import com.microsoft.playwright.Page;

/**
 * Waits until the app page's layers are fit to measure: the render scale has settled (a step down rebuilds the
 * projectM layers, whose pictures then start over) and both layers have drawn a warm-up since their last preset
 * load or rebuild ({@code aivj.warmFrames}), as the preset checker measures a preset after 20 warm-up frames.
 */
final class SettledStage {
    /** Frames each layer must have drawn since its picture started over. */
    static final int WARM_UP_FRAMES = 20;

    private SettledStage() {
    }

    /** Waits (the page playing) up to {@code timeoutMs}. */
    static void await(Page page, double timeoutMs) {
        page.waitForFunction("n => { const a = window.aivj; return a.playing && a.renderSettled"
                + " && a.warmFrames.bg >= n && a.warmFrames.fg >= n; }", WARM_UP_FRAMES,
                new Page.WaitForFunctionOptions().setTimeout(timeoutMs).setPollingInterval(100));
    }

    /** What the page says about its render scale and layers, for test output. */
    static String describe(Page page) {
        return String.valueOf(page.evaluate("() => { const a = window.aivj;"
                + " const c = document.getElementById('layer-bg'); const fps = a.fps === null ? '–' : a.fps.toFixed(1);"
                + " return `scale ${a.renderScale} (${c.width}×${c.height} px), ${fps} fps,"
                + " warm-up frames bg ${a.warmFrames.bg} fg ${a.warmFrames.fg}`; }"));
    }
}
