package dev.aivj.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Looks up files under one classpath folder (by default {@code web/}). Only regular files with a known
 * content type are returned; directories and unknown extensions are not. Paths must already be checked by
 * {@link RequestPath}.
 */
public final class StaticAssets {

    /** A file found on the classpath. */
    public record Asset(String path, String contentType, byte[] content) {
        public Asset {
            Objects.requireNonNull(path);
            Objects.requireNonNull(contentType);
            Objects.requireNonNull(content);
        }
    }

    private final ClassLoader classLoader;
    private final String root;

    public StaticAssets(ClassLoader classLoader, String root) {
        this.classLoader = Objects.requireNonNull(classLoader);
        this.root = root.isEmpty() || root.endsWith("/") ? root : root + "/";
    }

    /** Assets from the folder {@code web/} of this class's class loader. */
    public static StaticAssets fromClasspath() {
        return new StaticAssets(StaticAssets.class.getClassLoader(), "web/");
    }

    /** The asset for a relative path such as {@code engine/aivj-engine.wasm}, if there is one. */
    public Optional<Asset> find(String relativePath) {
        Optional<String> contentType = MimeTypes.forFileName(relativePath);
        if (contentType.isEmpty()) {
            return Optional.empty();
        }
        URL url = classLoader.getResource(root + relativePath);
        if (url == null || !isRegularFile(url)) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            return Optional.of(new Asset(relativePath, contentType.get(), in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read asset " + relativePath, e);
        }
    }

    private static boolean isRegularFile(URL url) {
        try {
            switch (url.getProtocol()) {
                case "file":
                    return Files.isRegularFile(Path.of(url.toURI()));
                case "jar": {
                    URLConnection connection = url.openConnection();
                    return connection instanceof JarURLConnection jar
                            && jar.getJarEntry() != null
                            && !jar.getJarEntry().isDirectory();
                }
                default:
                    return false;
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }
}
