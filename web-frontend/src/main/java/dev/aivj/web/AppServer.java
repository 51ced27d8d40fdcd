package dev.aivj.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local web server of AIVJ: serves the page, the WebAssembly engine and the vendored butterchurn files
 * from the classpath folder {@code web/}, and the demo article's songs from the music cache, on 127.0.0.1 only.
 */
public final class AppServer implements AutoCloseable {

    private static final int WORKER_THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;

    private AppServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts serving the classpath assets on 127.0.0.1:{@code port} (0 = any free port). */
    public static AppServer start(int port) throws IOException {
        return start(port, StaticAssets.fromClasspath());
    }

    /** Starts serving {@code assets} on 127.0.0.1:{@code port} (0 = any free port). */
    public static AppServer start(int port, StaticAssets assets) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        HttpServer server = HttpServer.create(address, 0);
        ExecutorService executor = Executors.newFixedThreadPool(WORKER_THREADS, daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", new AssetHandler(assets));
        server.createContext(DemoMediaHandler.PREFIX, new DemoMediaHandler());
        server.createContext(PresetThumbnailHandler.PREFIX,
                new PresetThumbnailHandler(PresetThumbnailHandler.framesDirFromSystemProperties()));
        AppServer app = new AppServer(server, executor);
        ProjectMBuild.fromSystemProperties(assets).mount(app);
        server.start();
        return app;
    }

    /**
     * Serves {@code assets} under {@code prefix} (e.g. {@code /bench/}) besides the app; used by tools such as
     * {@code aivj bench} that add pages the public app must not have.
     */
    public com.sun.net.httpserver.HttpContext mount(String prefix, StaticAssets assets) {
        return server.createContext(prefix, new AssetHandler(assets, prefix));
    }

    /** Answers requests under {@code prefix} with {@code handler} (e.g. in-memory benchmark data). */
    public com.sun.net.httpserver.HttpContext mount(String prefix, com.sun.net.httpserver.HttpHandler handler) {
        return server.createContext(prefix, handler);
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

    /** {@code [--port N]}: serves until the process is stopped and prints the address on stdout. */
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
            app = start(options.port());
        } catch (java.net.BindException e) {
            System.err.println("aivj: cannot listen on 127.0.0.1:" + options.port() + " (" + e.getMessage()
                    + "); choose another port with --port N, or --port 0 for any free port");
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "aivj-server-stop"));
        System.out.println("AIVJ serving " + app.uri());
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
