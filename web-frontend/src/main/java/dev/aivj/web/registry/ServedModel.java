package dev.aivj.web.registry;

import dev.aivj.registry.GateJson;
import dev.aivj.registry.ModelRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Which coupling model the server serves: the registry's {@code LATEST}, read again on every call (one small file)
 * so that {@code promote} and {@code rollback}, by the CLI or by the server itself, take effect without a restart;
 * none (the bundled model in the page's assets) without a registry, before any promotion, or when {@code LATEST}
 * names no usable version.
 */
public final class ServedModel {
    public static final String KIND = "coupling";
    private static final Logger LOG = Logger.getLogger(ServedModel.class.getName());
    /** A version names a folder: one safe path segment, so a tampered LATEST cannot point outside the registry. */
    private static final Pattern SAFE_VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final ModelRegistry registry;
    private volatile String lastWarning = "";

    /** {@code root} null: no registry, the bundled model only. */
    public ServedModel(Path root) {
        this.registry = root == null ? null : new ModelRegistry(root, KIND);
    }

    public Optional<ModelRegistry> registry() {
        return Optional.ofNullable(registry);
    }

    /** The registry version served now, if any. */
    public Optional<String> version() {
        if (registry == null) {
            return Optional.empty();
        }
        Optional<String> latest;
        try {
            latest = registry.latest();
        } catch (IOException | UncheckedIOException e) {
            warn("cannot read " + registry.dir().resolve(ModelRegistry.LATEST) + " (" + e.getMessage()
                    + "); serving the bundled coupling model");
            return Optional.empty();
        }
        if (latest.isEmpty() || latest.get().isEmpty()) {
            return Optional.empty();
        }
        String v = latest.get();
        if (!SAFE_VERSION.matcher(v).matches() || !Files.isDirectory(registry.bundle(v))) {
            warn(registry.dir().resolve(ModelRegistry.LATEST) + " names no version folder there ("
                    + v.replaceAll("[^\\x20-\\x7e]", "?") + "); serving the bundled coupling model");
            return Optional.empty();
        }
        return latest;
    }

    /** A file of a registry version's bundle, if it is there. */
    public Optional<Path> file(String version, String name) {
        Path f = registry.bundle(version).resolve(name);
        return Files.isRegularFile(f) ? Optional.of(f) : Optional.empty();
    }

    /** The gate's figures of a registry version (its gate.json), if it has them and they are readable. */
    public Optional<GateJson> gate(String version) {
        try {
            return registry.gate(version);
        } catch (IOException | UncheckedIOException e) {
            warn("cannot read the gate.json of " + version + " (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    /** Logs a problem once, not on every request while it lasts. */
    private void warn(String message) {
        if (!message.equals(lastWarning)) {
            lastWarning = message;
            LOG.warning(message);
        }
    }
}
