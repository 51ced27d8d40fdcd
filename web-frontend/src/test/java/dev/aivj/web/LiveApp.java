package dev.aivj.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real app server on 127.0.0.1 and headless Chromium, started once per test class and stopped after it:
 * {@code @RegisterExtension static final LiveApp app = new LiveApp();}
 */
final class LiveApp implements BeforeAllCallback, AfterAllCallback {
    private AppServer server;
    private Playwright playwright;
    private Browser browser;
    private final java.util.List<String> chromiumArgs;
    private final java.nio.file.Path federation;

    LiveApp() {
        this(java.util.List.of());
    }

    /** With extra Chromium switches (e.g. a fake capture device). */
    LiveApp(java.util.List<String> chromiumArgs) {
        this(chromiumArgs, null);
    }

    /** With extra Chromium switches and the federation's state in {@code federation} (null: no federation). */
    LiveApp(java.util.List<String> chromiumArgs, java.nio.file.Path federation) {
        this.chromiumArgs = chromiumArgs;
        this.federation = federation;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = AppServer.start(StaticAssets.fromClasspath(), new ServerOptions(0, null, federation, false));
        playwright = HeadlessChromium.playwright();
        browser = HeadlessChromium.launch(playwright, chromiumArgs);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
        if (server != null) server.stop();
    }

    AppServer server() {
        return server;
    }

    /** A fresh browser context (cookies, storage, routes of its own) with a width × height viewport. */
    BrowserContext newContext(int width, int height) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
    }
}
