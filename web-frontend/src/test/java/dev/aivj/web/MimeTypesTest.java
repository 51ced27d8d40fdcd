package dev.aivj.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MimeTypesTest {

    @Test
    void knowsThePageTypes() {
        assertEquals(Optional.of("application/wasm"), MimeTypes.forFileName("engine/aivj-engine.wasm"));
        assertEquals(Optional.of("text/javascript; charset=utf-8"),
                MimeTypes.forFileName("engine/aivj-engine.wasm-runtime.js"));
        assertEquals(Optional.of("text/html; charset=utf-8"), MimeTypes.forFileName("index.html"));
        assertEquals(Optional.of("text/css; charset=utf-8"), MimeTypes.forFileName("style.CSS"));
        assertEquals(Optional.of("application/json; charset=utf-8"), MimeTypes.forFileName("a b (1).json"));
        assertEquals(Optional.of("application/octet-stream"), MimeTypes.forFileName("models/music-v1/weights.bin"));
    }

    @Test
    void unknownOrMissingExtensionsAreNotServed() {
        assertTrue(MimeTypes.forFileName("dev/aivj/web/AppServer.class").isEmpty());
        assertTrue(MimeTypes.forFileName("vendor/butterchurn/LICENSE").isEmpty());
        assertTrue(MimeTypes.forFileName("engine").isEmpty());
        assertTrue(MimeTypes.forFileName("a.").isEmpty());
        assertTrue(MimeTypes.forFileName("dir.js/file").isEmpty());
        assertTrue(MimeTypes.forFileName(".js").isEmpty());
    }

    @Test
    void vendorFilesAreCachedAndOursRevalidated() {
        assertEquals("public, max-age=86400", CachePolicy.forPath("vendor/butterchurn/butterchurn.min.js"));
        assertEquals("no-cache", CachePolicy.forPath("index.html"));
        assertEquals("no-cache", CachePolicy.forPath("engine/aivj-engine.wasm"));
    }
}
