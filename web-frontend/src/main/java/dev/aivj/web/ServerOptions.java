package dev.aivj.web;

import dev.aivj.registry.ModelRegistry;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Command-line options of {@link AppServer}: {@code [--port N] [--registry DIR] [--federation DIR] [--ab-test]
 * [--pack DIR]},
 * where port 0 picks a free port, the registry (default {@link ModelRegistry#defaultRoot()}) holds the coupling model
 * versions it serves (null: none, the bundled model), the federation folder (default {@link #defaultFederation()}; null: no federation) the viewers'
 * federated prior, and {@code --ab-test} splits installations between the learned arm and the weighted-random
 * control (without it every viewer gets the learned arm); the pack (none by default) is an imported pack of the team's
 * presets the page plays ({@link PackRoutes}).
 */
public record ServerOptions(int port, Path registry, Path federation, boolean abTest, Path pack) {

    public static final int DEFAULT_PORT = 8080;

    public static final String USAGE = "usage: serve [--port N] [--registry DIR]   (N in 0..65535, 0 = any free port; "
            + "default " + DEFAULT_PORT + "; DIR: the model registry whose latest coupling model is served, default "
            + "$AIVJ_REGISTRY or ~/.local/share/aivj/registry) [--federation DIR]   (where the viewers' federated "
            + "preference prior and its updates are kept, default $AIVJ_FEDERATION or ~/.local/share/aivj/federation) "
            + "[--ab-test]   (half the installations get the weighted-random control arm: ./aivj ab-report compares) "
            + "[--pack DIR]   (a pack imported by ./aivj import-pack, whose presets and pair library the page plays)";

    public ServerOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range 0..65535: " + port);
        }
    }

    /** With the default registry and federation folder, no A/B test. */
    public ServerOptions(int port) {
        this(port, ModelRegistry.defaultRoot(), defaultFederation(), false, null);
    }

    /** Without a pack. */
    public ServerOptions(int port, Path registry, Path federation, boolean abTest) {
        this(port, registry, federation, abTest, null);
    }

    /** $AIVJ_FEDERATION, else ~/.local/share/aivj/federation. */
    public static Path defaultFederation() {
        String env = System.getenv("AIVJ_FEDERATION");
        return env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".local", "share", "aivj", "federation");
    }

    /**
     * Parses {@code --port N}, {@code --port=N}, {@code --registry DIR}, {@code --registry=DIR}; throws
     * IllegalArgumentException with a clear message.
     */
    public static ServerOptions parse(String... args) {
        int port = DEFAULT_PORT;
        Path registry = ModelRegistry.defaultRoot();
        Path federation = defaultFederation();
        boolean abTest = false;
        Path pack = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--ab-test")) {
                abTest = true;
                continue;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!name.equals("--port") && !name.equals("--registry") && !name.equals("--federation")
                    && !name.equals("--pack")) {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(name.equals("--port") ? "--port needs a number" : name + " needs a folder");
            }
            if (name.equals("--port")) {
                try {
                    port = Integer.parseInt(value.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--port needs a number, got: " + value);
                }
            } else if (name.equals("--registry")) {
                registry = folder(name, value);
            } else if (name.equals("--pack")) {
                pack = folder(name, value);
            } else {
                federation = folder(name, value);
            }
        }
        return new ServerOptions(port, registry, federation, abTest, pack);
    }

    private static Path folder(String option, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(option + " needs a folder");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(option + " is not a usable path: " + value);
        }
    }
}
