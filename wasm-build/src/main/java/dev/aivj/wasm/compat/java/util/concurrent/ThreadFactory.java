package dev.aivj.wasm.compat.java.util.concurrent;

/** TeaVM stand-in for {@code java.util.concurrent.ThreadFactory}; see {@link dev.aivj.wasm.compat}. */
public interface ThreadFactory {
    Thread newThread(Runnable r);
}
