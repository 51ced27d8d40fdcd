package dev.aivj.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.aivj.web.AppServer;
import dev.aivj.web.HeadlessChromium;
import dev.aivj.web.StaticAssets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The app server on 127.0.0.1 (any free port) plus the bench-only routes — {@code /bench/} (page, worker,
 * TensorFlow.js), {@code /bench/engine/} (the instrumented engine build) and {@code /bench-data/} — and Debian's
 * headless Chromium driven by Playwright ({@link HeadlessChromium}, the browser tests' flags).
 */
public final class BrowserSession implements AutoCloseable {
    /** The longest a single bench task may run in the page (the full song's Wasm runs take the longest). */
    private static final double TASK_TIMEOUT_MS = 600_000;

    private final AppServer server;
    private final Playwright playwright;
    private final Browser browser;
    private final BenchDataHandler data = new BenchDataHandler();
    private final List<String> pageErrors = new ArrayList<>();
    private BrowserContext benchContext;
    private Page benchPage;

    public BrowserSession() throws java.io.IOException {
        server = AppServer.start(0);
        server.mount("/bench/", new StaticAssets(BrowserSession.class.getClassLoader(), "bench-web/"))
                .getFilters().add(new CrossOriginIsolation());
        // The instrumented engine build (wasm-build's jar): the product's exports plus the bench's timing ones.
        server.mount("/bench/engine/", new StaticAssets(BrowserSession.class.getClassLoader(), "instrumented/engine/"))
                .getFilters().add(new CrossOriginIsolation());
        server.mount(BenchDataHandler.PREFIX, data);
        playwright = HeadlessChromium.playwright();
        browser = HeadlessChromium.launch(playwright);
    }

    public BenchDataHandler data() {
        return data;
    }

    public String baseUrl() {
        return server.uri().toString();
    }

    public String chromiumVersion() {
        return browser.version();
    }

    /** A fresh page of its own (the render-loop probe opens the app page this way). */
    public BrowserContext newContext() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1000, 900));
    }

    /**
     * Runs {@code window.aivjBench[task](options)} on the bench page (opened once, so its worker and the loaded
     * engine persist across tasks, as in the app) and returns the worker's result object.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> run(String task, Map<String, Object> options) {
        if (benchPage == null) {
            benchContext = newContext();
            benchPage = benchContext.newPage();
            benchPage.onPageError(pageErrors::add);
            benchPage.onConsoleMessage(m -> {
                if (m.type().equals("error")) {
                    pageErrors.add(m.text());
                }
            });
            benchPage.setDefaultTimeout(TASK_TIMEOUT_MS);
            benchPage.navigate(baseUrl() + "bench/");
            benchPage.waitForFunction("() => window.aivjBench !== undefined");
        }
        try {
            return (Map<String, Object>) benchPage.evaluate("([task, options]) => window.aivjBench[task](options)",
                    List.of(task, options));
        } catch (RuntimeException e) {
            throw new IllegalStateException("bench task '" + task + "' failed in Chromium: " + firstLine(e)
                    + (pageErrors.isEmpty() ? "" : " (page errors: " + pageErrors + ")"), e);
        }
    }

    private static String firstLine(RuntimeException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public void close() {
        if (benchContext != null) {
            benchContext.close();
        }
        browser.close();
        playwright.close();
        server.stop();
    }
}
