package dev.aivj.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServerOptionsTest {

    @Test
    void defaultsTo8080() {
        assertEquals(8080, ServerOptions.parse().port());
    }

    @Test
    void readsThePort() {
        assertEquals(0, ServerOptions.parse("--port", "0").port());
        assertEquals(9000, ServerOptions.parse("--port=9000").port());
    }

    @Test
    void refusesBadArguments() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse("--port"))
                .getMessage().contains("--port"));
        assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse("--port", "http"));
        assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse("--port", "70000"));
        assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse("--port", "-1"));
        assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse("--verbose"));
    }

    @Test
    void readsTheRegistryAndDefaultsToTheRegistryDefault() {
        assertEquals(dev.aivj.registry.ModelRegistry.defaultRoot(), ServerOptions.parse().registry());
        assertEquals(java.nio.file.Path.of("/tmp/reg"), ServerOptions.parse("--registry", "/tmp/reg").registry());
        assertEquals(java.nio.file.Path.of("/tmp/reg"), ServerOptions.parse("--port=0", "--registry=/tmp/reg").registry());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse("--registry"))
                .getMessage().contains("--registry"));
        assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse("--registry="));
    }

    @Test
    void readsTheFederationFolder() {
        assertEquals(ServerOptions.defaultFederation(), ServerOptions.parse().federation());
        assertEquals(java.nio.file.Path.of("/tmp/fed"), ServerOptions.parse("--federation", "/tmp/fed").federation());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse("--federation"))
                .getMessage().contains("--federation needs a folder"));
    }

    @Test
    void readsThePackAndHasNoneByDefault() {
        assertEquals(null, ServerOptions.parse().pack());
        assertEquals(java.nio.file.Path.of("/tmp/pack"), ServerOptions.parse("--pack", "/tmp/pack").pack());
        assertEquals(java.nio.file.Path.of("p"), ServerOptions.parse("--port=0", "--pack=p").pack());
        assertEquals("--pack needs a folder", assertThrows(IllegalArgumentException.class,
                () -> ServerOptions.parse("--pack")).getMessage());
    }
}
