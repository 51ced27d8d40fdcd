package dev.aivj.wasm.compat.java.util.concurrent;

/**
 * TeaVM stand-in for {@code java.util.concurrent.Executors}. Returns {@code null} instead of throwing:
 * JLargeArrays' ConcurrencyUtils calls it from its static initializer; with one thread the pool is
 * never used.
 */
public final class Executors {
    private Executors() {
    }

    public static ThreadFactory defaultThreadFactory() {
        return null;
    }

    public static ExecutorService newCachedThreadPool(ThreadFactory threadFactory) {
        return null;
    }
}
