package dev.aivj.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Debian's Chromium, headless, with WebGL through SwiftShader and autoplay allowed. */
final class Browsers {

    static final Path CHROMIUM = Path.of(System.getProperty("aivj.chromium", "/usr/bin/chromium"));

    private static final List<String> ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--autoplay-policy=no-user-gesture-required",
            "--use-angle=swiftshader",
            "--enable-unsafe-swiftshader");

    private Browsers() {
    }

    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser launch(Playwright playwright) {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new AssertionError("Chromium not found at " + CHROMIUM + " — apt-get install -y chromium");
        }
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(ARGS));
    }
}
