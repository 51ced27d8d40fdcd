package dev.aivj.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import dev.aivj.audioio.MusicCache;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A first {@code ./aivj serve}: the server is still building projectM (its /projectm/status.json says so until
 * the test lets the real answer through). The page says so, plays a song on butterchurn, and moves both layers to
 * projectM by itself once the server has it.
 */
class ProjectMBuildPageTest {
    @RegisterExtension
    static final LiveApp app = new LiveApp();

    @Test
    void thePagePlaysButterchurnWhileProjectMBuildsThenSwitches() throws Exception {
        AtomicBoolean building = new AtomicBoolean(true);
        BrowserContext context = app.newContext(1000, 900);
        List<String> pageErrors = new ArrayList<>();
        try {
            context.route("**/projectm/status.json", route -> {
                if (building.get()) {
                    route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("application/json")
                            .setBody("{\"state\":\"building\",\"message\":\"projectM is still being built on this"
                                    + " server (a test says so)\"}"));
                } else {
                    route.resume();
                }
            });
            Page page = context.newPage();
            page.onPageError(pageErrors::add);
            page.navigate(app.server().uri().toString());
            page.waitForFunction("() => window.aivj && window.aivj.state === 'idle'");
            page.waitForFunction("() => document.getElementById('notice').textContent.includes('still being built')");

            page.locator("#file-input").setInputFiles(MusicCache.clip("wav"));
            page.waitForFunction("() => window.aivj.state === 'ready' && window.aivj.engines.bg === 'butterchurn'"
                    + " && window.aivj.engines.fg === 'butterchurn'", null,
                    new Page.WaitForFunctionOptions().setTimeout(120_000));

            building.set(false); // the server's own answer from now on: its projectM is built in
            page.waitForFunction("() => window.aivj.engines.bg === 'projectm' && window.aivj.engines.fg === 'projectm'",
                    null, new Page.WaitForFunctionOptions().setTimeout(60_000).setPollingInterval(200));
            // The page says so once both layers have their first projectM preset.
            page.waitForFunction("() => document.getElementById('notice').textContent.includes('projectM is ready')",
                    null, new Page.WaitForFunctionOptions().setTimeout(30_000));
            assertEquals("ready", page.evaluate("() => window.aivj.state"));
        } finally {
            context.close();
        }
        assertEquals(List.of(), pageErrors, "uncaught errors in the page");
    }
}
