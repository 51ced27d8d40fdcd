package dev.aivj.bench;

/**
 * {@code aivj bench [--runs N] [--quick]}: {@code --runs} repeated runs per measure after the first (cold) call;
 * {@code --quick} benchmarks the 30-s excerpt only (the full 175-s song is skipped) with 3 runs unless given.
 */
public record BenchOptions(int runs, boolean quick) {
    public static final String USAGE = "usage: aivj bench [--runs N] [--quick]";
    static final int DEFAULT_RUNS = 10;
    static final int QUICK_RUNS = 3;

    public static BenchOptions parse(String[] args) {
        Integer runs = null;
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--runs" -> {
                    try {
                        runs = Integer.parseInt(i + 1 < args.length ? args[++i] : "");
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--runs needs a whole number");
                    }
                    if (runs < 1 || runs > 1000) {
                        throw new IllegalArgumentException("--runs must be 1..1000");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new BenchOptions(runs != null ? runs : quick ? QUICK_RUNS : DEFAULT_RUNS, quick);
    }
}
