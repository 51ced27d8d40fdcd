package dev.aivj.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * The app's page in a fresh browser context, waited for until idle, with the page's uncaught errors collected:
 * closing it closes the context and asserts there were none.
 */
record IdlePage(BrowserContext context, Page page, List<String> errors) implements AutoCloseable {

    static IdlePage open(LiveApp app, int width, int height) {
        BrowserContext context = app.newContext(width, height);
        Page page = context.newPage();
        List<String> errors = new ArrayList<>();
        page.onPageError(errors::add);
        page.navigate(app.server().uri().toString());
        page.waitForFunction("() => window.aivj && window.aivj.state === 'idle'");
        return new IdlePage(context, page, errors);
    }

    @Override
    public void close() {
        context.close();
        assertEquals(List.of(), errors, "uncaught errors in the page");
    }
}
