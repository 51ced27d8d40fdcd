package dev.aivj.presets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Headless check of every projectM preset of the library: loads each one into a small
 * {@code ProjectMLayer} in Debian's Chromium (WebGL2 through SwiftShader), feeds it a real music
 * clip, renders a few frames and records whether it parses ({@code loads}), whether its warp/comp
 * shaders translate and compile under WebGL2 ({@code shadersCompile}) and whether it draws
 * something ({@code nonBlank}), plus projectM's error message.
 *
 * <p>Results go to {@code projectm-wasm/preset-status.json} (committed), which {@link PresetLibrary}
 * merges into the served {@code index.json}. The run is resumable: presets already checked with the
 * same projectM build stamp (SHA-256 of the wasm module and its JS) are skipped, and the file is
 * rewritten every few presets. The browser is restarted every {@code --restart-every} presets and
 * after a crash or a per-preset timeout (a hang is recorded as broken).
 *
 * <pre>
 * java -cp projectm-wasm/target/classes:$(cat projectm-wasm/target/classpath.txt) dev.aivj.presets.PresetChecker \
 *   [--presets DIR] [--web DIR] [--music FILE] [--status FILE] [--pack NAME] [--id PACK/SLUG]... [--md2-only] [--shaders-only]
 *   [--limit N] [--width 160] [--height 120] [--frames 30] [--extra-frames 60] [--timeout-s 60] [--restart-every 100]
 *   [--force] [--png DIR (last frame of each checked preset, for eyeballing the nonBlank threshold)]
 * </pre>
 */
public final class PresetChecker {

    static final String PROJECTM_VERSION = "3.1.12";
    static final Path CHROMIUM = Path.of(System.getProperty("aivj.chromium", "/usr/bin/chromium"));
    static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu", "--use-angle=swiftshader",
            "--enable-unsafe-swiftshader", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--autoplay-policy=no-user-gesture-required");
    /** nonBlank: at least this share of pixels brighter than luma 10 ... */
    static final double MIN_NON_BLACK = 0.01;
    /** ... and at least this luma standard deviation (0..255), at one of the sampled frames. */
    static final double MIN_LUMA_STD = 1.0;

    private final Options o;
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Map<String, byte[]> assets = new ConcurrentHashMap<>();
    private final Map<String, Path> presetFiles = new ConcurrentHashMap<>();
    private HttpServer server;
    private String base;
    private Playwright playwright;
    private Browser browser;
    private Page page;
    private String browserVersion = "?";
    /** Watchdog deadline (System.nanoTime) of the current browser call; 0 = none. */
    private volatile long deadline;
    private volatile String watchdogFired;

    static final class Options {
        Path presets = PresetLibrary.resolveRoot(System.getProperty("aivj.presets.dir", ""));
        Path web = Path.of("projectm-wasm/target/classes/web");
        Path music = defaultCache().resolve("music/derived/clip.wav");
        Path status = Path.of("projectm-wasm/preset-status.json");
        String pack;
        final java.util.Set<String> ids = new java.util.HashSet<>();
        boolean md2Only;
        boolean shadersOnly;
        int limit = Integer.MAX_VALUE;
        int width = 160;
        int height = 120;
        int frames = 30;
        int extraFrames = 60;
        int timeoutS = 60;
        int restartEvery = 100;
        double musicOffsetS = 8;
        boolean force;
        Path pngDir;
    }

    static Path defaultCache() {
        String c = System.getenv("AIVJ_CACHE");
        return c != null && !c.isBlank() ? Path.of(c) : Path.of(System.getProperty("user.home"), ".cache/aivj");
    }

    PresetChecker(Options o) {
        this.o = o;
    }

    public static void main(String[] args) throws Exception {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--presets" -> o.presets = PresetLibrary.resolveRoot(args[++i]);
                case "--web" -> o.web = Path.of(args[++i]);
                case "--music" -> o.music = Path.of(args[++i]);
                case "--status" -> o.status = Path.of(args[++i]);
                case "--pack" -> o.pack = args[++i];
                case "--id" -> o.ids.add(args[++i]);
                case "--md2-only" -> o.md2Only = true;
                case "--shaders-only" -> o.shadersOnly = true;
                case "--limit" -> o.limit = Integer.parseInt(args[++i]);
                case "--width" -> o.width = Integer.parseInt(args[++i]);
                case "--height" -> o.height = Integer.parseInt(args[++i]);
                case "--frames" -> o.frames = Integer.parseInt(args[++i]);
                case "--extra-frames" -> o.extraFrames = Integer.parseInt(args[++i]);
                case "--timeout-s" -> o.timeoutS = Integer.parseInt(args[++i]);
                case "--restart-every" -> o.restartEvery = Integer.parseInt(args[++i]);
                case "--music-offset-s" -> o.musicOffsetS = Double.parseDouble(args[++i]);
                case "--force" -> o.force = true;
                case "--png" -> o.pngDir = Path.of(args[++i]);
                default -> {
                    System.err.println("unknown argument " + a + " (see the class comment of " + PresetChecker.class.getName() + ")");
                    System.exit(2);
                }
            }
        }
        System.exit(new PresetChecker(o).run());
    }

    int run() throws Exception {
        List<PresetLibrary.Entry> all = PresetLibrary.scan(o.presets);
        List<PresetLibrary.Entry> selected = new ArrayList<>();
        for (PresetLibrary.Entry e : all) {
            if (o.pack != null && !e.pack().equals(o.pack)) {
                continue;
            }
            if (!o.ids.isEmpty() && !o.ids.contains(e.id())) {
                continue;
            }
            if (o.md2Only && !e.md2()) {
                continue;
            }
            if (o.shadersOnly && !hasWarpAndComp(e.file())) {
                continue;
            }
            selected.add(e);
        }
        if (selected.size() > o.limit) {
            selected = selected.subList(0, o.limit);
        }
        loadAssets();
        String stamp = buildStamp();
        TreeMap<String, JsonNode> results = readStatus();
        List<PresetLibrary.Entry> todo = new ArrayList<>();
        for (PresetLibrary.Entry e : selected) {
            JsonNode r = results.get(e.id());
            if (o.force || r == null || !stamp.equals(r.path("build").asText())) {
                todo.add(e);
            }
        }
        log("%d presets selected, %d already checked with build %s, %d to check (status file %s)",
                selected.size(), selected.size() - todo.size(), stamp, todo.size(), o.status.toAbsolutePath());
        if (todo.isEmpty()) {
            writeStatus(results, stamp);
            return 0;
        }
        startServer();
        startWatchdog();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> { // Ctrl-C / kill: keep what was checked
            try {
                writeStatus(results, stamp);
            } catch (IOException | RuntimeException ignored) {
                // best effort
            }
        }));
        long t0 = System.nanoTime();
        long lastSave = System.nanoTime();
        int done = 0;
        int sincePage = 0;
        try {
            for (PresetLibrary.Entry e : todo) {
                presetFiles.put(e.id(), e.file());
                if (page == null || sincePage >= o.restartEvery) {
                    ensureBrowser();
                    sincePage = 0;
                }
                ObjectNode r = checkOne(e, stamp);
                if (r.path("retry").asBoolean(false)) { // crash or timeout: once more on a fresh browser
                    r.remove("retry");
                    ensureBrowser();
                    sincePage = 0;
                    r = checkOne(e, stamp);
                    r.remove("retry");
                }
                sincePage++;
                synchronized (this) {
                    results.put(e.id(), r);
                }
                done++;
                double elapsedS = (System.nanoTime() - t0) / 1e9;
                double perMin = done / elapsedS * 60;
                long etaS = (long) ((todo.size() - done) / Math.max(perMin, 1e-9) * 60);
                System.out.printf("[%d/%d] %-60s %-8s %5.1fs | %.1f/min, ETA %s%n", done, todo.size(),
                        e.id(), verdict(r), r.path("ms").asDouble() / 1000, perMin, fmt(etaS));
                if (System.nanoTime() - lastSave > 20e9 || done == todo.size()) {
                    writeStatus(results, stamp);
                    lastSave = System.nanoTime();
                }
            }
        } finally {
            writeStatus(results, stamp);
            closeBrowser();
            server.stop(0);
        }
        log("done: %s", summary(results, stamp));
        return 0;
    }

    // ------------------------------------------------------------------ one preset

    private ObjectNode checkOne(PresetLibrary.Entry e, String stamp) {
        ObjectNode r = mapper.createObjectNode();
        r.put("build", stamp);
        r.put("date", LocalDate.now().toString());
        r.put("md2", e.md2());
        long t = System.nanoTime();
        deadline = t + (o.timeoutS + 10) * 1_000_000_000L;
        watchdogFired = null;
        try {
            page.evaluate("([u, f, x, nb, sd, png]) => window.startCheck(u, f, x, nb, sd, png)",
                    List.of("/preset/" + java.net.URLEncoder.encode(e.id(), StandardCharsets.UTF_8), o.frames,
                            o.extraFrames, MIN_NON_BLACK, MIN_LUMA_STD, o.pngDir != null));
            page.waitForFunction("() => window.checkResult !== undefined", null,
                    new Page.WaitForFunctionOptions().setTimeout(o.timeoutS * 1000.0).setPollingInterval(50));
            String json = (String) page.evaluate("() => JSON.stringify(window.checkResult)");
            JsonNode res = mapper.readTree(json);
            if (o.pngDir != null && res.hasNonNull("png")) {
                String b64 = res.get("png").asText();
                Path png = o.pngDir.resolve(e.id().replace('/', '_') + ".png");
                Files.createDirectories(o.pngDir);
                Files.write(png, java.util.Base64.getDecoder().decode(b64.substring(b64.indexOf(',') + 1)));
            }
            int st = res.path("status").asInt(-1);
            boolean loads = st >= 0 || st == -3;
            boolean shaders = st >= 0;
            boolean nonBlank = false;
            double bestFrac = 0;
            double bestStd = 0;
            for (JsonNode s : res.path("samples")) {
                double frac = s.path("nonBlackFrac").asDouble();
                double std = s.path("std").asDouble();
                bestFrac = Math.max(bestFrac, frac);
                bestStd = Math.max(bestStd, std);
                nonBlank |= frac >= MIN_NON_BLACK && std >= MIN_LUMA_STD;
            }
            r.put("loads", loads);
            r.put("shadersCompile", shaders);
            r.put("nonBlank", shaders && nonBlank);
            r.put("loadStatus", st);
            if (shaders) {
                r.put("nonBlackFrac", round(bestFrac, 3));
                r.put("lumaStd", round(bestStd, 1));
                r.put("msPerFrame", round(res.path("msPerFrame").asDouble(), 1));
                r.put("frames", res.path("frames").asInt());
            }
            if (res.hasNonNull("error")) {
                r.put("error", clip(res.get("error").asText(), 600));
            }
            if (res.hasNonNull("warning") && !res.get("warning").asText().isEmpty()) {
                r.put("warning", clip(res.get("warning").asText(), 200));
            }
        } catch (PlaywrightException ex) {
            boolean timeout = watchdogFired != null || ex.getMessage() != null && ex.getMessage().contains("Timeout");
            r.put("loads", false);
            r.put("shadersCompile", false);
            r.put("nonBlank", false);
            r.put("loadStatus", -9);
            r.put("error", timeout ? "timeout: no result within " + o.timeoutS + " s (hang)"
                    : "browser failure: " + clip(firstLine(ex.getMessage()), 300));
            r.put("retry", true);
            page = null; // forces a restart
        } catch (IOException ex) {
            r.put("loads", false);
            r.put("shadersCompile", false);
            r.put("nonBlank", false);
            r.put("loadStatus", -9);
            r.put("error", "bad result: " + ex.getMessage());
        }
        deadline = 0;
        r.put("ms", (System.nanoTime() - t) / 1_000_000);
        return r;
    }

    private static String verdict(JsonNode r) {
        if (!r.path("loads").asBoolean()) {
            return r.path("loadStatus").asInt() == -9 ? "BROKEN" : "PARSE";
        }
        if (!r.path("shadersCompile").asBoolean()) {
            return "SHADER";
        }
        return r.path("nonBlank").asBoolean() ? "ok" : "BLANK";
    }

    // ------------------------------------------------------------------ browser

    /**
     * Playwright's own timeouts do not fire while the renderer is stuck in wasm: past the deadline,
     * kill this JVM's child processes (Playwright's driver and its Chromium); the blocked call then
     * fails with a PlaywrightException and the preset is recorded as a hang.
     */
    private void startWatchdog() {
        Thread w = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                long d = deadline;
                if (d != 0 && System.nanoTime() > d && watchdogFired == null) {
                    watchdogFired = "killed";
                    System.out.println("  watchdog: no answer from the browser in time; killing it");
                    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
                }
            }
        }, "preset-check-watchdog");
        w.setDaemon(true);
        w.start();
    }

    /** Starts a fresh browser and check page; three tries (the watchdog may kill a stuck start). */
    private void ensureBrowser() {
        for (int attempt = 1; ; attempt++) {
            try {
                restartBrowser();
                return;
            } catch (PlaywrightException | IllegalStateException ex) {
                if (attempt == 3) {
                    throw ex;
                }
                System.out.println("  browser start failed (" + firstLine(ex.getMessage()) + "); retrying");
            }
        }
    }

    private void restartBrowser() {
        deadline = System.nanoTime() + 180_000_000_000L;
        watchdogFired = null;
        closeBrowser();
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("Chromium not found at " + CHROMIUM + " (apt-get install -y chromium)");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(CHROMIUM_ARGS));
        browserVersion = browser.version();
        page = browser.newPage(new Browser.NewPageOptions().setViewportSize(o.width + 40, o.height + 40));
        page.onPageError(err -> System.err.println("  pageerror: " + firstLine(err)));
        page.navigate(base + "/check.html");
        page.evaluate("([w, h, off]) => window.initCheck(w, h, off)", List.of(o.width, o.height, o.musicOffsetS));
        page.waitForFunction("() => window.checkReady === true || window.checkInitError",
                null, new Page.WaitForFunctionOptions().setTimeout(60_000).setPollingInterval(50));
        Object err = page.evaluate("() => window.checkInitError || null");
        if (err != null) {
            throw new IllegalStateException("check page failed to start: " + err);
        }
        deadline = 0;
    }

    private void closeBrowser() {
        page = null;
        if (playwright != null) {
            try {
                playwright.close(); // also kills the browser, even when its renderer hangs
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
        playwright = null;
        browser = null;
    }

    // ------------------------------------------------------------------ assets and server

    private void loadAssets() throws IOException {
        Path wrapper = o.web.resolve("projectm-layer.js");
        Path js = o.web.resolve("projectm/projectm-layer.js");
        Path wasm = o.web.resolve("projectm/projectm-layer.wasm");
        for (Path p : List.of(wrapper, js, wasm)) {
            if (!Files.isRegularFile(p)) {
                throw new IOException("missing " + p + ": build projectm-wasm first (mvn -pl projectm-wasm package)");
            }
        }
        // Snapshot: a rebuild during a long run cannot mix two builds.
        assets.put("/web/projectm-layer.js", Files.readAllBytes(wrapper));
        assets.put("/web/projectm/projectm-layer.js", Files.readAllBytes(js));
        assets.put("/web/projectm/projectm-layer.wasm", Files.readAllBytes(wasm));
        if (!Files.isRegularFile(o.music)) {
            throw new IOException("missing music clip " + o.music + " (./aivj fetch-music)");
        }
        assets.put("/clip", Files.readAllBytes(o.music));
        assets.put("/check.html", CHECK_HTML.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 (12 hex digits) over the wasm module and its JS: what decides whether results are stale. */
    private String buildStamp() throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(assets.get("/web/projectm/projectm-layer.wasm"));
        md.update(assets.get("/web/projectm/projectm-layer.js"));
        StringBuilder sb = new StringBuilder();
        for (byte b : md.digest()) {
            sb.append(String.format("%02x", b));
        }
        return sb.substring(0, 12);
    }

    private void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::serve);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "preset-check-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void serve(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            byte[] body;
            String type;
            if (path.startsWith("/preset/")) {
                Path f = presetFiles.get(java.net.URLDecoder.decode(path.substring(8), StandardCharsets.UTF_8));
                body = f == null ? null : Files.readAllBytes(f);
                type = "text/plain; charset=ISO-8859-1";
            } else {
                body = assets.get(path);
                type = path.endsWith(".wasm") ? "application/wasm"
                        : path.endsWith(".html") ? "text/html; charset=utf-8"
                        : path.endsWith(".js") ? "text/javascript" : "application/octet-stream";
            }
            if (body == null) {
                x.sendResponseHeaders(404, -1);
                return;
            }
            x.getResponseHeaders().set("Content-Type", type);
            x.getResponseHeaders().set("Cache-Control", "no-store");
            x.sendResponseHeaders(200, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        }
    }

    // ------------------------------------------------------------------ status file

    private TreeMap<String, JsonNode> readStatus() throws IOException {
        TreeMap<String, JsonNode> out = new TreeMap<>();
        if (Files.isRegularFile(o.status)) {
            mapper.readTree(o.status.toFile()).path("presets").fields()
                    .forEachRemaining(f -> out.put(f.getKey(), f.getValue()));
        }
        return out;
    }

    private synchronized void writeStatus(TreeMap<String, JsonNode> sorted, String stamp) throws IOException {
        ObjectNode out = mapper.createObjectNode();
        out.put("version", 1);
        out.put("source", PresetLibrary.SOURCE);
        out.put("projectM", PROJECTM_VERSION);
        out.put("build", stamp);
        out.put("checked", LocalDate.now().toString());
        ObjectNode s = out.putObject("settings");
        s.put("checker", PresetChecker.class.getName());
        s.put("browser", "Chromium " + browserVersion + " headless, SwiftShader WebGL2");
        s.put("chromiumArgs", String.join(" ", CHROMIUM_ARGS));
        s.put("width", o.width);
        s.put("height", o.height);
        s.put("frames", o.frames);
        s.put("extraFrames", o.extraFrames);
        s.put("sampledFrames", "3 samples over the frames; while still blank, up to extraFrames more, sampled every "
                + "third of frames");
        s.put("music", o.music.getFileName() + " from " + o.musicOffsetS + " s, stereo, 735 samples per frame");
        s.put("timeoutS", o.timeoutS);
        s.put("restartEvery", o.restartEvery);
        s.put("nonBlank", "share of pixels with luma > 10 >= " + MIN_NON_BLACK + " and luma std >= " + MIN_LUMA_STD
                + " at one sampled frame");
        s.put("loads", "projectM parsed the text (loadPreset status >= 0 or -3)");
        s.put("shadersCompile", "warp/comp shaders translated and compiled under WebGL2 (status >= 0)");
        out.set("summary", summary(sorted, stamp));
        ObjectNode p = out.putObject("presets");
        sorted.forEach(p::set);
        Path tmp = o.status.resolveSibling(o.status.getFileName() + ".tmp");
        if (o.status.toAbsolutePath().getParent() != null) {
            Files.createDirectories(o.status.toAbsolutePath().getParent());
        }
        mapper.writeValue(tmp.toFile(), out);
        Files.move(tmp, o.status, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private ObjectNode summary(Map<String, JsonNode> results, String stamp) {
        ObjectNode s = mapper.createObjectNode();
        for (String kind : List.of("md1", "md2", "all")) {
            int n = 0;
            int loads = 0;
            int shaders = 0;
            int nonBlank = 0;
            int stale = 0;
            for (JsonNode r : results.values()) {
                boolean md2 = r.path("md2").asBoolean();
                if (kind.equals("md1") && md2 || kind.equals("md2") && !md2) {
                    continue;
                }
                n++;
                loads += r.path("loads").asBoolean() ? 1 : 0;
                shaders += r.path("shadersCompile").asBoolean() ? 1 : 0;
                nonBlank += r.path("nonBlank").asBoolean() ? 1 : 0;
                stale += stamp.equals(r.path("build").asText()) ? 0 : 1;
            }
            ObjectNode k = s.putObject(kind);
            k.put("checked", n);
            k.put("loads", loads);
            k.put("shadersCompile", shaders);
            k.put("nonBlank", nonBlank);
            k.put("otherBuild", stale);
        }
        return s;
    }

    // ------------------------------------------------------------------ helpers

    static boolean hasWarpAndComp(Path f) throws IOException {
        String t = Files.readString(f, StandardCharsets.ISO_8859_1);
        return WARP_1.matcher(t).find() && COMP_1.matcher(t).find();
    }

    private static final java.util.regex.Pattern WARP_1 =
            java.util.regex.Pattern.compile("^warp_1=", java.util.regex.Pattern.MULTILINE);
    private static final java.util.regex.Pattern COMP_1 =
            java.util.regex.Pattern.compile("^comp_1=", java.util.regex.Pattern.MULTILINE);

    private static double round(double v, int digits) {
        double m = Math.pow(10, digits);
        return Math.round(v * m) / m;
    }

    private static String clip(String s, int n) {
        return s == null ? null : s.length() <= n ? s : s.substring(0, n) + "...";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }

    private static String fmt(long s) {
        return Duration.ofSeconds(s).toString().substring(2).toLowerCase();
    }

    private static void log(String fmt, Object... args) {
        System.out.printf("%s preset-check: %s%n", Instant.now().toString().substring(11, 19), String.format(fmt, args));
    }

    /** The check page: one small ProjectMLayer, the music clip decoded by the browser. */
    static final String CHECK_HTML = """
            <!doctype html><html><head><meta charset="utf-8"><title>preset check</title></head>
            <body style="margin:0;background:#000"><canvas id="c"></canvas>
            <script type="module">
            import { ProjectMLayer } from '/web/projectm-layer.js';
            let layer, W, H, pcm, start, px;
            window.initCheck = (w, h, offsetS) => {
              (async () => {
                W = w; H = h; px = new Uint8Array(W * H * 4);
                const buf = await (await fetch('/clip')).arrayBuffer();
                const audio = await new OfflineAudioContext(2, 44100, 44100).decodeAudioData(buf);
                const l = audio.getChannelData(0), r = audio.numberOfChannels > 1 ? audio.getChannelData(1) : l;
                pcm = new Float32Array(l.length * 2);
                for (let i = 0; i < l.length; i++) { pcm[2 * i] = l[i]; pcm[2 * i + 1] = r[i]; }
                start = Math.min(Math.floor(offsetS * audio.sampleRate), Math.max(0, l.length - 44100 * 5)) * 2;
                layer = await ProjectMLayer.create(document.getElementById('c'), W, H);
                window.checkReady = true;
              })().catch((e) => { window.checkInitError = String(e && e.stack || e); });
            };
            function stats() {
              const gl = layer.canvas.getContext('webgl2');
              gl.readPixels(0, 0, W, H, gl.RGBA, gl.UNSIGNED_BYTE, px);
              let nonBlack = 0, sum = 0, sum2 = 0;
              for (let i = 0; i < px.length; i += 4) {
                const y = 0.299 * px[i] + 0.587 * px[i + 1] + 0.114 * px[i + 2];
                if (y > 10) nonBlack++;
                sum += y; sum2 += y * y;
              }
              const n = W * H, mean = sum / n;
              return { nonBlackFrac: nonBlack / n, mean, std: Math.sqrt(Math.max(0, sum2 / n - mean * mean)) };
            }
            window.startCheck = (url, frames, extra, minNonBlack, minStd, png) => {
              window.checkResult = undefined;
              (async () => {
                const out = {};
                try {
                  const r = await layer.loadPreset(url, 0);
                  out.status = r.status; out.warning = r.warning || null;
                } catch (e) {
                  out.status = typeof e.status === 'number' ? e.status : -1;
                  out.error = String(e && e.message || e);
                  return out;
                }
                const step = 735 * 2, every = Math.max(1, Math.floor(frames / 3));
                let pos = start; out.samples = [];
                const t = performance.now();
                const ok = (s) => s.nonBlackFrac >= minNonBlack && s.std >= minStd;
                let f = 1;
                for (; f <= frames + extra; f++) {
                  if (f > frames && out.samples.some(ok)) break; // blank so far: render a little longer
                  const chunk = pcm.subarray(pos, pos + 1024 * 2); pos += step;
                  if (pos + 2048 > pcm.length) pos = start;
                  layer.feedPcm(chunk, 2);
                  layer.render();
                  if (f % every === 0) out.samples.push(stats());
                }
                out.frames = f - 1;
                if (png) out.png = layer.canvas.toDataURL('image/png');
                out.msPerFrame = (performance.now() - t) / out.frames;
                return out;
              })().then((r) => { window.checkResult = r; },
                        (e) => { window.checkResult = { status: -1, error: 'check page: ' + String(e && e.message || e) }; });
            };
            </script></body></html>
            """;
}
