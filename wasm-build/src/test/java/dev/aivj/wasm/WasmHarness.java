package dev.aivj.wasm;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Wasm engine in headless Chromium, shared by the parity tests: a JDK HttpServer on loopback serves
 * {@code /engine/...} from the classpath folder {@code instrumented/engine/} (the instrumented build: the product's
 * exports plus timing and inspection ones), {@code /product/engine/...} from {@code web/engine/} (the product build,
 * exactly what the jar ships for web-frontend), {@code /harness/...} from the test resources, and test data registered with
 * {@link #route} (e.g. {@code pcm/NAME} for the harness's {@code pcm(NAME)}, {@code model/manifest.json}); Playwright
 * drives Debian's Chromium on the harness page, where {@code window.harness.engine} is the loaded module.
 */
final class WasmHarness implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final Map<String, byte[]> routes = new ConcurrentHashMap<>();
    final List<String> requestLog = new CopyOnWriteArrayList<>();
    final List<String> consoleLog = new CopyOnWriteArrayList<>();

    private HttpServer server;
    private String baseUrl;
    private Playwright playwright;
    private Browser browser;
    private Page page;

    private WasmHarness() {
    }

    /** Starts the server and Chromium and opens the harness page with the engine loaded. */
    static WasmHarness start() throws IOException {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("Chromium not found at " + CHROMIUM + " - install it with `apt-get install -y chromium`");
        }
        WasmHarness h = new WasmHarness();
        try {
            h.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            h.server.createContext("/", h::serve);
            h.server.start();
            h.baseUrl = "http://127.0.0.1:" + h.server.getAddress().getPort();
            h.playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            h.browser = h.playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync")));
            h.page = h.newHarnessPage();
            return h;
        } catch (RuntimeException | IOException | Error e) {
            h.close();
            throw e;
        }
    }

    /** A fresh page with its own engine instance (nothing loaded). */
    Page newHarnessPage() {
        Page p = browser.newPage();
        p.setDefaultTimeout(180_000);
        p.onConsoleMessage(m -> consoleLog.add(m.type() + ": " + m.text()));
        p.onPageError(e -> consoleLog.add("pageerror: " + e));
        p.navigate(baseUrl + "/harness/index.html");
        Object version = p.evaluate("() => window.harness.init()");
        assertNotNull(version, "engine did not load; console: " + consoleLog);
        return p;
    }

    Page page() {
        return page;
    }

    Browser browser() {
        return browser;
    }

    /** Serves {@code body} at {@code /path} ({@code path} without the leading slash). */
    void route(String path, byte[] body) {
        routes.put(path, body);
    }

    /** Serves {@code values} as little-endian float32 at {@code /pcm/NAME}, for the harness's {@code pcm(NAME)}. */
    void floats(String name, float[] values) {
        route("pcm/" + name, floatsLE(values, values.length));
    }

    @Override
    public void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.stop(0);
        }
        System.out.println("Requests served: " + requestLog);
        if (!consoleLog.isEmpty()) {
            System.out.println("Browser console: " + consoleLog);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = null;
            String type = "application/octet-stream";
            if (path.startsWith("/engine/") || path.startsWith("/product/engine/") || path.startsWith("/harness/")) {
                if (!path.contains("..")) {
                    String resource = path.startsWith("/harness/") ? path.substring(1)
                            : path.startsWith("/product/") ? "web" + path.substring("/product".length())
                            : "instrumented" + path;
                    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                        body = in == null ? null : in.readAllBytes();
                    }
                    type = contentType(path);
                }
            } else {
                body = routes.get(path.substring(1));
            }
            requestLog.add(path + (body == null ? " 404" : ""));
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static String contentType(String path) {
        if (path.endsWith(".wasm")) {
            return "application/wasm"; // required by WebAssembly.compileStreaming in the TeaVM runtime
        } else if (path.endsWith(".js")) {
            return "text/javascript";
        } else if (path.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        return "application/octet-stream";
    }

    static byte[] floatsLE(float[] samples, int count) {
        ByteBuffer buffer = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(samples, 0, count);
        return buffer.array();
    }
}
