package dev.aivj.wasm.compat.java.util.concurrent;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** TeaVM stand-in for {@code java.util.concurrent.ExecutorService}; see {@link dev.aivj.wasm.compat}. */
public interface ExecutorService {
    void shutdown();

    List<Runnable> shutdownNow();

    boolean isShutdown();

    boolean isTerminated();

    boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException;

    <T> Future<T> submit(Callable<T> task);

    Future<?> submit(Runnable task);
}
