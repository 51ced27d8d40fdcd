package dev.aivj.web.metrics;

import dev.aivj.registry.GateFigures;
import dev.aivj.registry.ModelRegistry;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A real registry in a temp folder with two coupling versions made from the shipped bundle
 * (web/models/coupling-v1): {@code first} as shipped, {@code second} with one byte of its model card changed and a
 * newline after its manifest (still the same model, but bytes a test can tell apart). Both gated and promoted in
 * order, so {@code second} is served.
 */
final class TwoVersionRegistry {
    final Path root;
    final ModelRegistry registry;
    final String first;
    final String second;

    TwoVersionRegistry(Path root) throws IOException {
        this.root = root;
        this.registry = new ModelRegistry(root, "coupling");
        Path shipped = shippedBundle();
        Path copy = Files.createDirectories(root.resolve("bundle-copy"));
        try (Stream<Path> files = Files.list(shipped)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        first = registry.register(copy, "data-sha-test", "test: the shipped bundle");
        registry.recordGate(first, new GateFigures(50, 50, 0.0, 0.4, 0.9, List.of()));
        byte[] card = Files.readAllBytes(copy.resolve("model-card.md"));
        card[0] = (byte) (card[0] == '#' ? '%' : '#');
        Files.write(copy.resolve("model-card.md"), card);
        Files.writeString(copy.resolve("manifest.json"),
                Files.readString(copy.resolve("manifest.json"), StandardCharsets.UTF_8) + "\n", StandardCharsets.UTF_8);
        second = registry.register(copy, "data-sha-test", "test: one byte of the model card changed");
        registry.recordGate(second, new GateFigures(49, 50, 0.03, 0.5, 1.1, List.of()));
        registry.promote(first, "test");
        registry.promote(second, "test");
    }

    byte[] file(String version, String name) throws IOException {
        return Files.readAllBytes(registry.bundle(version).resolve(name));
    }

    static Path shippedBundle() {
        try {
            return Path.of(Objects.requireNonNull(TwoVersionRegistry.class.getResource("/web/models/coupling-v1/manifest.json"),
                    "the shipped coupling bundle is not on the classpath").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
