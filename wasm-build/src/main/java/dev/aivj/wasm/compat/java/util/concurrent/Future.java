package dev.aivj.wasm.compat.java.util.concurrent;

/** TeaVM stand-in for {@code java.util.concurrent.Future}; see {@link dev.aivj.wasm.compat}. */
public interface Future<V> {
    V get() throws InterruptedException, java.util.concurrent.ExecutionException;
}
