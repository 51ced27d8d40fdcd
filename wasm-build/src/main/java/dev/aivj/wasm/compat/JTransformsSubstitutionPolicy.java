package dev.aivj.wasm.compat;

import java.util.Set;
import org.teavm.extension.spi.substitution.SimpleSubstitutionPolicy;
import org.teavm.extension.spi.substitution.SubstitutionSink;

/**
 * TeaVM substitution policy: each JDK class listed here is replaced, in the TeaVM build only, by the
 * class of the same name under {@code dev.aivj.wasm.compat}. See the package comment.
 */
public final class JTransformsSubstitutionPolicy extends SimpleSubstitutionPolicy {
    /** JDK classes that JTransforms/JLargeArrays reference and TeaVM 0.16's class library lacks. */
    static final Set<String> STUBBED = Set.of(
            "java.util.concurrent.Future",
            "java.util.concurrent.ExecutorService",
            "java.util.concurrent.Executors",
            "java.util.concurrent.ThreadFactory",
            "java.io.ObjectInputStream",
            "java.io.ObjectOutputStream",
            "sun.misc.Unsafe");

    static final String PREFIX = "dev.aivj.wasm.compat";

    @Override
    public void contribute(SubstitutionSink sink) {
        sink.selectClasses(STUBBED::contains).packagePrefix(PREFIX);
    }
}
