package dev.aivj.presets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aivj.engine.looks.LookMeter;
import dev.aivj.engine.looks.MeasuredLook;
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
 * Headless check and look measurement of every preset of the library, with its own engine: projectM presets by
 * the projectM WebAssembly build ({@code ProjectMLayer}), butterchurn-presets by butterchurn, both in Debian's
 * Chromium (WebGL2 through SwiftShader). Each preset gets the same reference audio: {@value #WARM_FRAMES} warm-up
 * frames of music, then the measured frames of {@link #PLAN} (music, silence, music; the silence makes audio
 * reactivity measurable). It records whether it parses ({@code loads}), whether its shaders compile
 * ({@code shadersCompile}), whether it draws something ({@code nonBlank}) and moves ({@code frozen} otherwise), the
 * engine's error message, and its measured look ({@link MeasuredLook}, computed by engine-core's
 * {@link LookMeter} from the frames at half resolution). A few measured frames are kept in the frame cache
 * ({@link PresetFrames}) so pairs can be composited later without rendering again.
 *
 * <p>Results go to a committed status file ({@code preset-catalogue/preset-status.json} or
 * {@code preset-catalogue/butterchurn-preset-status.json}), which {@link PresetLibrary} merges into the served
 * {@code index.json}. The run is resumable: presets already measured with the same build stamp (SHA-256 of the
 * engine's code and of the check page) and look version are skipped, and the file is rewritten every 20 s. The
 * browser is restarted every {@code --restart-every} presets and after a crash or a per-preset timeout (a hang is
 * recorded as broken).
 *
 * <pre>
 * java -cp preset-catalogue/target/classes:$(cat preset-catalogue/target/classpath.txt) dev.aivj.presets.PresetChecker \
 *   [--engine projectm|butterchurn] [--presets DIR] [--web DIR] [--butterchurn-js FILE] [--music FILE]
 *   [--status FILE] [--frames-dir DIR] [--pack NAME] [--id PACK/SLUG]... [--md2-only] [--shaders-only]
 *   [--limit N] [--width 128] [--height 96] [--timeout-s 60] [--restart-every 100] [--force] [--reverse]
 * </pre>
 */
public final class PresetChecker {

    static final String PROJECTM_VERSION = "3.1.12";
    static final String BUTTERCHURN_VERSION = "2.6.7";
    static final Path CHROMIUM = Path.of(System.getProperty("aivj.chromium", "/usr/bin/chromium"));
    static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu", "--use-angle=swiftshader",
            "--enable-unsafe-swiftshader", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--autoplay-policy=no-user-gesture-required");
    /** Frames of music rendered before measuring, so feedback-based presets build up their picture. */
    static final int WARM_FRAMES = 20;
    /** The measured reference audio at 60 frames/s: music, digital silence, music (2/3 s, 1/3 s, 2/3 s). */
    static final List<List<Object>> PLAN = List.of(List.of("music", 40), List.of("silence", 20), List.of("music", 40));

    private final Options o;
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Map<String, byte[]> assets = new ConcurrentHashMap<>();
    private final Map<String, Path> presetFiles = new ConcurrentHashMap<>();
    private final Map<String, byte[]> postedFrames = new ConcurrentHashMap<>();
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
        String engine = "projectm";
        Path presets;
        Path web = Path.of("projectm-wasm/target/classes/web");
        Path butterchurnJs = defaultCache().resolve("presets/butterchurn/package/lib/butterchurn.min.js");
        Path music = defaultCache().resolve("music/derived/clip.wav");
        Path status;
        Path framesDir = defaultCache().resolve("preset-frames");
        String pack;
        final java.util.Set<String> ids = new java.util.HashSet<>();
        boolean md2Only;
        boolean shadersOnly;
        int limit = Integer.MAX_VALUE;
        int width = 128;
        int height = 96;
        int timeoutS = 60;
        int restartEvery = 100;
        double musicOffsetS = 8;
        boolean force;
        boolean reverse;
        /** The presets to check instead of the library's (a pack's files); null: scan {@link #presets}. */
        List<PresetLibrary.Entry> given;

        boolean butterchurn() {
            return engine.equals("butterchurn");
        }

        /** Fills the engine-dependent defaults. */
        Options resolve() {
            if (!engine.equals("projectm") && !butterchurn()) {
                throw new IllegalArgumentException("--engine must be projectm or butterchurn, not " + engine);
            }
            if (presets == null) {
                presets = butterchurn() ? defaultCache().resolve("presets/butterchurn-presets/package")
                        : PresetLibrary.resolveRoot(System.getProperty("aivj.presets.dir", ""));
            }
            if (status == null) {
                status = Path.of(butterchurn() ? "preset-catalogue/butterchurn-preset-status.json"
                        : "preset-catalogue/preset-status.json");
            }
            return this;
        }
    }

    static Path defaultCache() {
        return PresetLibrary.cacheDir();
    }

    PresetChecker(Options o) {
        this.o = o;
    }

    public static void main(String[] args) throws Exception {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--engine" -> o.engine = args[++i];
                case "--presets" -> o.presets = Path.of(args[++i]);
                case "--butterchurn-js" -> o.butterchurnJs = Path.of(args[++i]);
                case "--frames-dir" -> o.framesDir = Path.of(args[++i]);
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
                case "--timeout-s" -> o.timeoutS = Integer.parseInt(args[++i]);
                case "--restart-every" -> o.restartEvery = Integer.parseInt(args[++i]);
                case "--music-offset-s" -> o.musicOffsetS = Double.parseDouble(args[++i]);
                case "--force" -> o.force = true;
                case "--reverse" -> o.reverse = true;
                default -> {
                    System.err.println("unknown argument " + a + " (see the class comment of " + PresetChecker.class.getName() + ")");
                    System.exit(2);
                }
            }
        }
        System.exit(new PresetChecker(o.resolve()).run());
    }

    /**
     * Renders the given projectM presets as {@code ./aivj check-presets --id ...} does, writing their status to
     * {@code status} and their kept frames under {@code framesDir}: for tools and tests that need a few presets
     * checked (e.g. the page's thumbnails) without touching the committed status file. Returns the exit code.
     */
    public static int checkProjectM(List<String> ids, Path projectmWeb, Path music, Path status, Path framesDir)
            throws Exception {
        Options o = new Options();
        o.ids.addAll(ids);
        o.web = projectmWeb;
        o.music = music;
        o.status = status;
        o.framesDir = framesDir;
        return new PresetChecker(o.resolve()).run();
    }

    /**
     * Renders and measures the given preset files (e.g. a pack's, with ids of the pack's own) as check-presets does,
     * into {@code status} (resumable: presets already current there are skipped), with a per-preset timeout of
     * {@code timeoutS} after which a preset is tried once more on a fresh browser and then counts as a hang. Returns
     * the exit code.
     */
    public static int checkFiles(List<PresetLibrary.Entry> entries, Path projectmWeb, Path music, Path status,
            Path framesDir, int timeoutS) throws Exception {
        Options o = new Options();
        o.given = List.copyOf(entries);
        o.web = projectmWeb;
        o.music = music;
        o.status = status;
        o.framesDir = framesDir;
        o.timeoutS = timeoutS;
        return new PresetChecker(o.resolve()).run();
    }

    int run() throws Exception {
        List<PresetLibrary.Entry> all = o.given != null ? o.given : o.butterchurn() ? ButterchurnPresets.scan(o.presets)
                : PresetLibrary.scan(PresetLibrary.resolveRoot(o.presets.toString()));
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
        java.util.Set<String> missing = new java.util.TreeSet<>(o.ids);
        selected.forEach(e -> missing.remove(e.id()));
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no such preset in " + o.presets + ": " + missing);
        }
        if (selected.size() > o.limit) {
            selected = selected.subList(0, o.limit);
        }
        loadAssets();
        String stamp = buildStamp();
        TreeMap<String, JsonNode> results = readStatus();
        checkSameSettings();
        List<PresetLibrary.Entry> todo = new ArrayList<>();
        for (PresetLibrary.Entry e : selected) {
            JsonNode r = results.get(e.id());
            if (o.force || !isCurrent(r, stamp)) {
                todo.add(e);
            }
        }
        // A fixed pseudo-random order (by hash of the id): a run cut short leaves a sample of every pack measured.
        // --reverse walks it from the other end, so a second checker on the same status file meets the first.
        java.util.Comparator<PresetLibrary.Entry> byHash = java.util.Comparator
                .comparing((PresetLibrary.Entry e) -> PresetLibrary.shortHash(e.id())).thenComparing(PresetLibrary.Entry::id);
        todo.sort(o.reverse ? byHash.reversed() : byHash);
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
                if (!o.force && isCurrent(results.get(e.id()), stamp)) {
                    continue; // measured meanwhile by another checker on the same status file
                }
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
        r.put("lookVersion", MeasuredLook.LOOK_VERSION);
        r.put("date", LocalDate.now().toString());
        r.put("md2", e.md2());
        long t = System.nanoTime();
        deadline = t + (o.timeoutS + 10) * 1_000_000_000L;
        watchdogFired = null;
        postedFrames.remove(e.id());
        MeasuredLook look = MeasuredLook.ofBrokenPreset();
        try {
            page.evaluate("([u, id, warm, plan]) => window.startCheck(u, id, warm, plan)",
                    List.of("/preset/" + java.net.URLEncoder.encode(e.id(), StandardCharsets.UTF_8), e.id(),
                            WARM_FRAMES, PLAN));
            page.waitForFunction("() => window.checkResult !== undefined", null,
                    new Page.WaitForFunctionOptions().setTimeout(o.timeoutS * 1000.0).setPollingInterval(10));
            JsonNode res = mapper.readTree((String) page.evaluate("() => JSON.stringify(window.checkResult)"));
            int st = res.path("status").asInt(-1);
            boolean shaders = st >= 0;
            r.put("loads", shaders || st == -3);
            r.put("shadersCompile", shaders);
            r.put("loadStatus", st);
            if (shaders) {
                look = measure(e, res, stamp);
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
            r.put("loadStatus", -9);
            r.put("error", timeout ? "timeout: no result within " + o.timeoutS + " s (hang)"
                    : "browser failure: " + clip(firstLine(ex.getMessage()), 300));
            r.put("retry", true);
            page = null; // forces a restart
        } catch (IOException | RuntimeException ex) {
            r.put("loads", false);
            r.put("shadersCompile", false);
            r.put("loadStatus", -9);
            r.put("error", "bad result: " + ex.getMessage());
            look = MeasuredLook.ofBrokenPreset();
        }
        deadline = 0;
        r.put("nonBlank", !look.broken() && !look.blank());
        r.put("frozen", look.frozen());
        ArrayNode v = r.putArray("look");
        for (float x : look.vector()) {
            v.add(round(x, 4));
        }
        r.put("ms", (System.nanoTime() - t) / 1_000_000);
        return r;
    }

    /** The look from the frames the page posted; keeps a few of them in the frame cache. */
    private MeasuredLook measure(PresetLibrary.Entry e, JsonNode res, String stamp) throws IOException {
        byte[] frames = postedFrames.remove(e.id());
        JsonNode energies = res.path("energies");
        int w = o.width / 2;
        int h = o.height / 2;
        int size = w * h * 3;
        if (frames == null || energies.size() < 2 || frames.length != energies.size() * size) {
            throw new IOException("the page sent " + (frames == null ? "no" : frames.length + " bytes of")
                    + " frames for " + energies.size() + " energies");
        }
        LookMeter meter = new LookMeter(w, h);
        float[] energy = new float[energies.size()];
        for (int i = 0; i < energy.length; i++) {
            energy[i] = (float) energies.get(i).asDouble();
            meter.add(frames, i * size, energy[i]);
        }
        PresetFrames.select(w, h, frames, energy).write(PresetFrames.file(o.framesDir, o.engine, stamp, e));
        return meter.finish();
    }


    private static String verdict(JsonNode r) {
        if (!r.path("loads").asBoolean()) {
            return r.path("loadStatus").asInt() == -9 ? "BROKEN" : "PARSE";
        }
        if (!r.path("shadersCompile").asBoolean()) {
            return "SHADER";
        }
        return !r.path("nonBlank").asBoolean() ? "BLANK" : r.path("frozen").asBoolean() ? "FROZEN" : "ok";
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
        page.navigate(base + "/check.html?engine=" + o.engine);
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
        Map<String, Path> files = new TreeMap<>(o.butterchurn()
                ? Map.of("/butterchurn.min.js", o.butterchurnJs)
                : Map.of("/web/projectm-layer.js", o.web.resolve("projectm-layer.js"),
                        "/web/projectm/projectm-layer.js", o.web.resolve("projectm/projectm-layer.js"),
                        "/web/projectm/projectm-layer.wasm", o.web.resolve("projectm/projectm-layer.wasm")));
        // How frames are sampled, shared with the page's measurement of the presets viewers bring.
        files.put("/web/reference-frames.js", o.web.resolve("reference-frames.js"));
        for (Map.Entry<String, Path> f : files.entrySet()) {
            if (!Files.isRegularFile(f.getValue())) {
                throw new IOException("missing " + f.getValue() + ": build first (./aivj build)");
            }
            // Snapshot: a rebuild during a long run cannot mix two builds.
            assets.put(f.getKey(), Files.readAllBytes(f.getValue()));
        }
        if (!Files.isRegularFile(o.music)) {
            throw new IOException("missing music clip " + o.music + " (./aivj fetch-music)");
        }
        assets.put("/clip", Files.readAllBytes(o.music));
        try (var page = PresetChecker.class.getResourceAsStream("/preset-check/check.html")) {
            assets.put("/check.html", page.readAllBytes());
        }
    }

    /**
     * SHA-256 (12 hex digits) over the engine's code, the check page and the reference audio: what decides whether
     * results are stale.
     */
    private String buildStamp() throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (String key : new TreeMap<>(assets).keySet()) {
            md.update(assets.get(key));
        }
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
            if (x.getRequestMethod().equals("POST") && path.startsWith("/frames/")) {
                postedFrames.put(java.net.URLDecoder.decode(path.substring(8), StandardCharsets.UTF_8),
                        x.getRequestBody().readAllBytes());
                x.sendResponseHeaders(204, -1);
                return;
            }
            byte[] body;
            String type;
            if (path.startsWith("/preset/")) {
                Path f = presetFiles.get(java.net.URLDecoder.decode(path.substring(8), StandardCharsets.UTF_8));
                body = f == null ? null : Files.readAllBytes(f);
                type = o.butterchurn() ? "application/json" : "text/plain; charset=ISO-8859-1";
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

    /** Looks measured at another size or audio offset are not comparable: refuse to mix them in one file. */
    private void checkSameSettings() throws IOException {
        if (!Files.isRegularFile(o.status) || o.force) {
            return;
        }
        JsonNode s = mapper.readTree(o.status.toFile()).path("settings");
        boolean sameSize = s.path("width").asInt(o.width) == o.width && s.path("height").asInt(o.height) == o.height;
        boolean sameAudio = !s.has("music") || s.path("music").asText().contains(" from " + o.musicOffsetS + " s");
        if (!sameSize || !sameAudio) {
            throw new IllegalArgumentException(o.status + " holds looks measured at " + s.path("width").asInt() + "x"
                    + s.path("height").asInt() + ", " + s.path("music").asText()
                    + ": use the same --width/--height/--music-offset-s, another --status, or --force");
        }
    }

    private TreeMap<String, JsonNode> readStatus() throws IOException {
        TreeMap<String, JsonNode> out = new TreeMap<>();
        if (Files.isRegularFile(o.status)) {
            mapper.readTree(o.status.toFile()).path("presets").fields()
                    .forEachRemaining(f -> out.put(f.getKey(), f.getValue()));
        }
        return out;
    }

    /** A result measured by this build of the engine and check page, with the current look version. */
    private static boolean isCurrent(JsonNode r, String stamp) {
        return r != null && stamp.equals(r.path("build").asText())
                && r.path("lookVersion").asInt() == MeasuredLook.LOOK_VERSION;
    }

    /**
     * Writes the status file. Several checkers may share one file (e.g. one run with --reverse): under a file lock,
     * results another checker wrote meanwhile are taken in first, where this run has none that is current.
     */
    private synchronized void writeStatus(TreeMap<String, JsonNode> sorted, String stamp) throws IOException {
        Path lockFile = o.status.resolveSibling(o.status.getFileName() + ".lock");
        try (var channel = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE); var lock = channel.lock()) {
            takeNewer(sorted, readStatus(), stamp);
            writeStatusLocked(sorted, stamp);
        }
    }

    /** Takes in the on-disk results this run lacks, and current ones where this run's are stale. */
    static void takeNewer(Map<String, JsonNode> ours, Map<String, JsonNode> onDisk, String stamp) {
        onDisk.forEach((id, disk) -> {
            JsonNode mine = ours.get(id);
            if (mine == null || !isCurrent(mine, stamp) && isCurrent(disk, stamp)) {
                ours.put(id, disk);
            }
        });
    }

    private void writeStatusLocked(TreeMap<String, JsonNode> sorted, String stamp) throws IOException {
        ObjectNode out = mapper.createObjectNode();
        out.put("version", 1);
        out.put("source", o.butterchurn() ? ButterchurnPresets.SOURCE : PresetLibrary.SOURCE);
        out.put("engine", o.butterchurn() ? "butterchurn " + BUTTERCHURN_VERSION : "projectM " + PROJECTM_VERSION);
        out.put("build", stamp);
        out.put("checked", LocalDate.now().toString());
        ObjectNode s = out.putObject("settings");
        s.put("checker", PresetChecker.class.getName());
        s.put("browser", "Chromium " + browserVersion + " headless, SwiftShader WebGL2");
        s.put("chromiumArgs", String.join(" ", CHROMIUM_ARGS));
        s.put("engine", o.engine);
        s.put("width", o.width);
        s.put("height", o.height);
        s.put("warmFrames", WARM_FRAMES);
        s.put("measuredFrames", PLAN.toString() + " at " + o.width / 2 + "x" + o.height / 2
                + " (2x2 box filter of the rendered frame)");
        s.put("music", o.music.getFileName() + " from " + o.musicOffsetS + " s, stereo, 735 samples per frame "
                + "(60 frames/s), 1024 samples handed to the engine per frame; energy = RMS of those samples");
        s.put("timeoutS", o.timeoutS);
        s.put("restartEvery", o.restartEvery);
        s.put("nonBlank", "share of pixels with luma > 10 >= " + LookMeter.MIN_NON_BLACK + " and luma std >= "
                + LookMeter.MIN_LUMA_STD + " at one measured frame");
        s.put("frozen", "mean frame difference below " + LookMeter.FROZEN_MOTION + " luma levels");
        s.put("lookVersion", MeasuredLook.LOOK_VERSION);
        ArrayNode names = s.putArray("lookNames");
        for (String n : MeasuredLook.names()) {
            names.add(n);
        }
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
            int usable = 0;
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
                usable += r.path("nonBlank").asBoolean() && !r.path("frozen").asBoolean() ? 1 : 0;
                stale += stamp.equals(r.path("build").asText()) ? 0 : 1;
            }
            ObjectNode k = s.putObject(kind);
            k.put("checked", n);
            k.put("loads", loads);
            k.put("shadersCompile", shaders);
            k.put("nonBlank", nonBlank);
            k.put("usable", usable);
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
}
