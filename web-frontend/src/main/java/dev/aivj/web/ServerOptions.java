package dev.aivj.web;

import dev.aivj.registry.ModelRegistry;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Command-line options of {@link AppServer}: {@code [--port N] [--registry DIR] [--pack DIR]}, where port 0 picks a
 * free port, the registry (default {@link ModelRegistry#defaultRoot()}) holds the coupling model versions it serves
 * and the pack (none by default) is an imported pack of the team's presets the page plays ({@link PackRoutes}).
 */
public record ServerOptions(int port, Path registry, Path pack) {

    public static final int DEFAULT_PORT = 8080;

    public static final String USAGE = "usage: serve [--port N] [--registry DIR] [--pack DIR]   (N in 0..65535, 0 = any"
            + " free port; default " + DEFAULT_PORT + "; --registry: the model registry whose latest coupling model is"
            + " served, default $AIVJ_REGISTRY or ~/.local/share/aivj/registry; --pack: a pack imported by"
            + " ./aivj import-pack, whose presets and pair library the page plays)";

    public ServerOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range 0..65535: " + port);
        }
        Objects.requireNonNull(registry, "registry");
    }

    /** With the default registry. */
    public ServerOptions(int port) {
        this(port, ModelRegistry.defaultRoot());
    }

    /** Without a pack. */
    public ServerOptions(int port, Path registry) {
        this(port, registry, null);
    }

    /**
     * Parses {@code --port N}, {@code --port=N}, {@code --registry DIR}, {@code --registry=DIR}; throws
     * IllegalArgumentException with a clear message.
     */
    public static ServerOptions parse(String... args) {
        int port = DEFAULT_PORT;
        Path registry = ModelRegistry.defaultRoot();
        Path pack = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!name.equals("--port") && !name.equals("--registry") && !name.equals("--pack")) {
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
            } else {
                if (value.isBlank()) {
                    throw new IllegalArgumentException(name + " needs a folder");
                }
                try {
                    if (name.equals("--pack")) {
                        pack = Path.of(value);
                    } else {
                        registry = Path.of(value);
                    }
                } catch (InvalidPathException e) {
                    throw new IllegalArgumentException(name + " is not a usable path: " + value);
                }
            }
        }
        return new ServerOptions(port, registry, pack);
    }
}
