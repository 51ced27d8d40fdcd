package dev.aivj.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium, headless, driven by Playwright: WebGL through SwiftShader, autoplay allowed, no background
 * traffic. One place for the flags that {@code ./aivj analyze}'s decoder, the bench and the browser tests share.
 */
public final class HeadlessChromium {
    /** {@code -Daivj.chromium=PATH} overrides Debian's path. */
    public static final Path EXECUTABLE = Path.of(System.getProperty("aivj.chromium", "/usr/bin/chromium"));
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--autoplay-policy=no-user-gesture-required", "--use-angle=swiftshader", "--enable-unsafe-swiftshader");

    private HeadlessChromium() {
    }

    /** Playwright, told not to download browsers of its own. */
    public static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    /** @throws IllegalStateException when Chromium is not installed */
    public static Browser launch(Playwright playwright) {
        return launch(playwright, List.of());
    }

    /** With {@code extraArgs} after the usual ones (e.g. a fake capture device for live input tests). */
    public static Browser launch(Playwright playwright, List<String> extraArgs) {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException("Chromium not found at " + EXECUTABLE + " (apt-get install chromium)");
        }
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE).setHeadless(true)
                .setArgs(java.util.stream.Stream.concat(ARGS.stream(), extraArgs.stream()).toList()));
    }
}
