/**
 * Compile-time stand-ins that let TeaVM translate JTransforms 3.2 and JLargeArrays 1.7.
 *
 * <p>TeaVM's class library has no {@code Future}, {@code ExecutorService}, {@code Executors},
 * {@code ThreadFactory}, object streams or {@code sun.misc.Unsafe}. TeaVM resolves references
 * statically, so JTransforms' thread-pool and serialization code must resolve even though the engine
 * runs it single-threaded and never serializes. {@link dev.aivj.wasm.compat.JTransformsSubstitutionPolicy}
 * (registered in {@code META-INF/services/org.teavm.extension.spi.substitution.SubstitutionPolicy})
 * maps each missing JDK class {@code X} to {@code dev.aivj.wasm.compat.X} for the TeaVM build only;
 * on the JVM these classes are never used.
 *
 * <p>The stubs do nothing useful: {@code Executors} returns {@code null} (ConcurrencyUtils' static
 * initializer calls it, so it must not throw) and every other operation throws
 * {@link UnsupportedOperationException}. This is safe because {@code dev.aivj.wasm.EngineExports}
 * sets one thread and no large arrays before the first FFT, so JTransforms never reaches them.
 */
package dev.aivj.wasm.compat;
