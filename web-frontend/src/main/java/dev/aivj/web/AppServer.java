package dev.aivj.web;

import com.sun.net.httpserver.HttpServer;
import dev.aivj.web.federation.ExperimentHandler;
import dev.aivj.web.federation.FederationHandler;
import dev.aivj.web.federation.FederationStore;
import dev.aivj.web.metrics.LiveLatencyMetrics;
import dev.aivj.web.metrics.LiveRollbackGuard;
import dev.aivj.web.metrics.MetricsHandler;
import dev.aivj.web.metrics.ReportHandler;
import dev.aivj.web.metrics.RequestCounting;
import dev.aivj.web.metrics.ServedModelMetrics;
import dev.aivj.web.metrics.ServerMetrics;
import dev.aivj.web.registry.CouplingModelHandler;
import dev.aivj.web.registry.LatestModelHandler;
import dev.aivj.web.registry.ServedModel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local web server of AIVJ: serves the page, the WebAssembly engine and the vendored butterchurn files
 * from the classpath folder {@code web/}, and the demo article's songs from the music cache, on 127.0.0.1 only.
 * Also its Prometheus metrics ({@code /metrics}, the page's timings posted to {@code /metrics/report}) and, with a
 * model registry, the registry's latest coupling model, rolled back by itself when its live figures cross the
 * gate's lines; with a federation folder, the viewers' federated preference prior ({@link FederationHandler}).
 */
public final class AppServer implements AutoCloseable {

    private static final int WORKER_THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;
    private final RequestCounting counting;

    private AppServer(HttpServer server, ExecutorService executor, RequestCounting counting) {
        this.server = server;
        this.executor = executor;
        this.counting = counting;
    }

    /** Starts serving the classpath assets on 127.0.0.1:{@code port} (0 = any free port). */
    public static AppServer start(int port) throws IOException {
        return start(port, StaticAssets.fromClasspath());
    }

    /** Starts serving {@code assets} on 127.0.0.1:{@code port} (0 = any free port), the bundled coupling model. */
    public static AppServer start(int port, StaticAssets assets) throws IOException {
        return start(port, assets, null);
    }

    /**
     * Starts serving {@code assets} on 127.0.0.1:{@code port} (0 = any free port) and the coupling model of the
     * registry at {@code registryRoot} (null: no registry, the bundled model).
     */
    public static AppServer start(int port, StaticAssets assets, Path registryRoot) throws IOException {
        return start(assets, new ServerOptions(port, registryRoot, null, false));
    }

    /**
     * Starts serving {@code assets} as {@code options} say: port, registry, the federation's state (null: no
     * federation; the page then sends no preference update), whether installations are split for an A/B test, and
     * the imported pack whose pairs the page plays (null: none).
     */
    public static AppServer start(StaticAssets assets, ServerOptions options) throws IOException {
        PackRoutes packRoutes = options.pack() == null ? null : PackRoutes.of(options.pack(), assets);
        Path registryRoot = options.registry();
        FederationStore federation = options.federation() == null ? null
                : FederationStore.open(options.federation(), FederationStore.DEFAULT_ROUND_SIZE);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port());
        HttpServer server = HttpServer.create(address, 0);
        ExecutorService executor = Executors.newFixedThreadPool(WORKER_THREADS, daemonThreads());
        server.setExecutor(executor);
        ServerMetrics metrics = new ServerMetrics();
        ServedModel served = new ServedModel(registryRoot);
        LiveRollbackGuard guard = new LiveRollbackGuard(served, metrics);
        metrics.register(new ServedModelMetrics(served));
        metrics.register(new LiveLatencyMetrics(guard));
        AppServer app = new AppServer(server, executor, new RequestCounting(metrics));
        app.mount("/", new AssetHandler(assets));
        app.mount(DemoMediaHandler.PREFIX, new DemoMediaHandler());
        app.mount(PresetThumbnailHandler.PREFIX,
                new PresetThumbnailHandler(PresetThumbnailHandler.framesDirFromSystemProperties()));
        app.mount(MetricsHandler.PATH, new MetricsHandler(metrics));
        app.mount(ReportHandler.PATH, new ReportHandler(metrics, guard));
        app.mount(CouplingModelHandler.PREFIX, new CouplingModelHandler(served, new AssetHandler(assets)));
        app.mount(LatestModelHandler.PATH, new LatestModelHandler(served));
        if (federation != null) {
            app.mount(FederationHandler.PREFIX, new FederationHandler(federation));
        }
        app.mount(ExperimentHandler.PATH, new ExperimentHandler(options.abTest()));
        ProjectMBuild.fromSystemProperties(assets).mount(app);
        if (packRoutes != null) {
            packRoutes.mount(app);
        }
        server.start();
        return app;
    }

    /**
     * Serves {@code assets} under {@code prefix} (e.g. {@code /bench/}) besides the app; used by tools such as
     * {@code aivj bench} that add pages the public app must not have.
     */
    public com.sun.net.httpserver.HttpContext mount(String prefix, StaticAssets assets) {
        return mount(prefix, new AssetHandler(assets, prefix));
    }

    /** Answers requests under {@code prefix} with {@code handler} (e.g. in-memory benchmark data). */
    public com.sun.net.httpserver.HttpContext mount(String prefix, com.sun.net.httpserver.HttpHandler handler) {
        com.sun.net.httpserver.HttpContext context = server.createContext(prefix, handler);
        context.getFilters().add(counting); // every route counts in aivj_http_requests_total
        return context;
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /** Stops accepting requests and releases the port. */
    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }

    /** {@code [--port N] [--registry DIR] [--federation DIR] [--ab-test] [--pack DIR]}: serves until the process is stopped and prints the address on stdout. */
    public static void main(String[] args) throws IOException {
        ServerOptions options;
        try {
            options = ServerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("aivj: " + e.getMessage());
            System.err.println(ServerOptions.USAGE);
            System.exit(2);
            return;
        }
        AppServer app;
        try {
            app = start(StaticAssets.fromClasspath(), options);
        } catch (java.net.BindException e) {
            System.err.println("aivj: cannot listen on 127.0.0.1:" + options.port() + " (" + e.getMessage()
                    + "); choose another port with --port N, or --port 0 for any free port");
            System.exit(1);
            return;
        } catch (IllegalArgumentException e) { // --pack not imported, not a folder: one line
            System.err.println("aivj: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "aivj-server-stop"));
        System.out.println("AIVJ serving " + app.uri());
        ServedModel served = new ServedModel(options.registry());
        System.out.println("coupling model: " + served.version().map(v -> v + " from the registry " + options.registry())
                .orElse("bundled (registry " + options.registry() + " has no LATEST)") + "; metrics at " + app.uri()
                .resolve(MetricsHandler.PATH.substring(1)));
        System.out.println("federated preference prior: " + options.federation() + (options.abTest()
                ? "; A/B test on: installations split between the learned and weighted-random arms" : ""));
        if (options.pack() != null) {
            PackRoutes p = PackRoutes.of(options.pack(), StaticAssets.fromClasspath());
            System.out.println("pack " + p.name() + ": " + p.presets() + " presets at " + app.uri().resolve("packs/"
                    + p.name() + "/") + ", its pair library at " + app.uri().resolve("pairs/pair-library.json"));
        }
        System.out.flush();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "aivj-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
