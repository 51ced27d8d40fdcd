package dev.aivj.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/|index.html",
        "/index.html|index.html",
        "/engine/aivj-engine.wasm|engine/aivj-engine.wasm",
        "/vendor/butterchurn-presets/presets/%24%24%24%20Royal%20-%20Mashup%20(431).json"
            + "|vendor/butterchurn-presets/presets/$$$ Royal - Mashup (431).json",
        "/vendor/a/Flexi%2C%20martin%20+%20geiss.json|vendor/a/Flexi, martin + geiss.json",
        "/caf%C3%A9.html|café.html",
    })
    void acceptsPlainPaths(String raw, String expected) {
        assertEquals(Optional.of(expected), RequestPath.toAssetPath(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "index.html", "/..", "/../pom.xml", "/engine/../../etc/passwd", "/%2e%2e/etc/passwd",
        "/%2E%2E/%2E%2E/etc/passwd", "/engine/%2e%2e%2f%2e%2e%2fMETA-INF/MANIFEST.MF", "/a%2fb.js",
        "/a%5cb.js", "/..%5c..%5cwindows/win.ini", "//etc/passwd", "/./index.html", "/.git/config",
        "/index.html/", "/engine//aivj-engine.wasm", "/%252e%252e/etc/passwd", "/a%00.js", "/a%0a.js",
        "/C:/windows/win.ini", "/a%zz.js", "/a%2.js", "/a%", "/%c0%ae%c0%ae/etc/passwd", "/a\\b.js",
    })
    void refusesTraversalAndOddPaths(String raw) {
        assertTrue(RequestPath.toAssetPath(raw).isEmpty(), raw);
    }

    @org.junit.jupiter.api.Test
    void refusesOverlongPaths() {
        assertTrue(RequestPath.toAssetPath("/" + "a".repeat(RequestPath.MAX_LENGTH)).isEmpty());
    }
}
