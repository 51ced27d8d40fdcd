package dev.aivj.web;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Content types for the file extensions the page uses; anything else is not served. */
public final class MimeTypes {

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("milk", "text/plain; charset=utf-8"), // MilkDrop presets (projectM layers fetch them as text)
            Map.entry("wasm", "application/wasm"),
            Map.entry("bin", "application/octet-stream"), // music model weights (models/music-v1/weights.bin)
            Map.entry("flac", "audio/flac"), // the reference audio own presets are measured on (presets/look-reference)
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("map", "application/json; charset=utf-8"));

    private MimeTypes() {
    }

    /** The content type for a file name, or empty when the extension is not one we serve. */
    public static Optional<String> forFileName(String fileName) {
        int slash = fileName.lastIndexOf('/');
        int dot = fileName.lastIndexOf('.');
        if (dot <= slash + 1 || dot == fileName.length() - 1) {
            return Optional.empty();
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Optional.ofNullable(BY_EXTENSION.get(extension));
    }
}
