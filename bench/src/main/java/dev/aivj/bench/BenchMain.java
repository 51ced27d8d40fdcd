package dev.aivj.bench;

/**
 * {@code ./aivj bench [--runs N] [--quick]}: the benchmark's own entry point (the product's CLI,
 * {@code dev.aivj.cli.Main} in web-frontend, has no bench command). Exits with {@link BenchCommand}'s code.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(BenchCommand.run(args, System.out, System.err));
    }
}
