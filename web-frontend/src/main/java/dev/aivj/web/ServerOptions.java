package dev.aivj.web;

/** Command-line options of {@link AppServer}: {@code [--port N]}, where 0 picks a free port. */
public record ServerOptions(int port) {

    public static final int DEFAULT_PORT = 8080;

    public static final String USAGE = "usage: serve [--port N]   (N in 0..65535, 0 = any free port; default "
            + DEFAULT_PORT + ")";

    public ServerOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range 0..65535: " + port);
        }
    }

    /** Parses {@code --port N} or {@code --port=N}; throws IllegalArgumentException with a clear message. */
    public static ServerOptions parse(String... args) {
        int port = DEFAULT_PORT;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value;
            if (arg.equals("--port")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--port needs a number");
                }
                value = args[++i];
            } else if (arg.startsWith("--port=")) {
                value = arg.substring("--port=".length());
            } else {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
            try {
                port = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--port needs a number, got: " + value);
            }
        }
        return new ServerOptions(port);
    }
}
