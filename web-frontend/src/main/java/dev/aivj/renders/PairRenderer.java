package dev.aivj.renders;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import dev.aivj.engine.mix.LayerMix;
import dev.aivj.web.AppServer;
import dev.aivj.web.HeadlessChromium;
import dev.aivj.web.StaticAssets;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Renders golden pairs in headless Chromium: the app server serves the page's modules, projectM and the preset
 * library, and the render page ({@code render-check/}, served only here) draws the pair's two projectM layers on a
 * fixed clock, fed the preset checker's reference audio, and composites them with the pair's mix as the page does.
 * The same pair and settings give the same pixels every time.
 */
public final class PairRenderer implements AutoCloseable {
    private static final String PREFIX = "/render-check/";

    /** The frames asked for, composited, and the mean time one frame of both layers took. */
    public record PairRender(List<BufferedImage> frames, double msPerFrame) {
    }

    private final AppServer server;
    private final Playwright playwright;
    private final Browser browser;
    private final Page page;

    private PairRenderer(AppServer server, Playwright playwright, Browser browser) {
        this.server = server;
        this.playwright = playwright;
        this.browser = browser;
        server.mount(PREFIX, new StaticAssets(PairRenderer.class.getClassLoader(), "render-check/"));
        page = browser.newPage();
        page.navigate(server.uri().resolve(PREFIX + "index.html").toString());
        page.evaluate("() => window.renderPairReady");
    }

    /** Starts the app server and Chromium. @throws IllegalStateException when Chromium is not installed */
    public static PairRenderer start() throws IOException {
        AppServer server = AppServer.start(0);
        Playwright playwright = null;
        try {
            playwright = HeadlessChromium.playwright();
            return new PairRenderer(server, playwright, HeadlessChromium.launch(playwright));
        } catch (RuntimeException e) {
            if (playwright != null) playwright.close();
            server.stop();
            throw e;
        }
    }

    /** @throws IOException when a preset does not load or the page fails (the message says which and why) */
    public PairRender render(GoldenPair pair, RenderSettings settings) throws IOException {
        LayerMix mix = pair.mix();
        Map<String, Object> request = Map.of("bgUrl", pair.bgUrl(), "fgUrl", pair.fgUrl(),
                "mix", Map.of("blendMode", mix.blendMode(), "fgOpacity", mix.fgOpacity(), "bgOpacity", mix.bgOpacity()),
                "width", settings.width(), "height", settings.height(), "frames", settings.frames());
        Map<?, ?> result;
        try {
            result = (Map<?, ?>) page.evaluate("request => window.renderPair(request)", request);
        } catch (PlaywrightException e) {
            // Playwright's message starts "Error {"; the page's own message is on its "message=" line.
            String detail = e.getMessage().lines().map(String::strip).filter(l -> l.startsWith("message="))
                    .findFirst().orElse(e.getMessage().lines().findFirst().orElse(""));
            throw new IOException("rendering " + pair.key() + " failed: " + detail, e);
        }
        List<BufferedImage> frames = new ArrayList<>();
        for (Object dataUrl : (List<?>) result.get("frames")) {
            String png = ((String) dataUrl).substring(((String) dataUrl).indexOf(',') + 1);
            frames.add(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png))));
        }
        return new PairRender(frames, ((Number) result.get("msPerFrame")).doubleValue());
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
        server.stop();
    }
}
