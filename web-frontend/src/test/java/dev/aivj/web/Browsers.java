package dev.aivj.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;

/** Debian's Chromium for the browser tests, launched like the product launches it ({@link HeadlessChromium}). */
final class Browsers {

    private Browsers() {
    }

    static Playwright playwright() {
        return HeadlessChromium.playwright();
    }

    static Browser launch(Playwright playwright) {
        return HeadlessChromium.launch(playwright);
    }
}
