package dev.aivj.web.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivj.registry.ModelRegistry;
import dev.aivj.web.AppServer;
import dev.aivj.web.StaticAssets;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server on a real registry: the page's coupling model URLs answer with the version LATEST names, and switch
 * when LATEST changes (promote, rollback, a hand edit) without a restart; an empty registry serves the bundled model.
 */
class RegistryServingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void servesTheVersionLatestNamesAndFollowsItsChanges() throws Exception {
        TwoVersionRegistry reg = new TwoVersionRegistry(temp.resolve("registry"));
        try (AppServer server = AppServer.start(0, StaticAssets.fromClasspath(), reg.root)) {
            assertServed(server.uri(), reg, reg.second);

            reg.registry.rollback("test: back to the first");
            assertServed(server.uri(), reg, reg.first);

            reg.registry.promote(reg.second, "test: the second again");
            assertServed(server.uri(), reg, reg.second);

            // A hand edit of LATEST counts too; one that names no version folder falls back to the bundled model.
            Files.writeString(reg.registry.dir().resolve(ModelRegistry.LATEST), reg.first + "\n");
            assertServed(server.uri(), reg, reg.first);
            Files.writeString(reg.registry.dir().resolve(ModelRegistry.LATEST), "../../etc\n");
            assertBundled(server.uri());
        }
    }

    @Test
    void anEmptyRegistryServesTheBundledModel() throws Exception {
        try (AppServer server = AppServer.start(0, StaticAssets.fromClasspath(), temp.resolve("empty"))) {
            assertBundled(server.uri());
        }
    }

    @Test
    void onlyTheBundlesFilesAreServedNeverItsGateOrOtherPaths() throws Exception {
        TwoVersionRegistry reg = new TwoVersionRegistry(temp.resolve("registry"));
        Files.writeString(reg.registry.bundle(reg.second).resolve("secret.json"), "{}");
        try (AppServer server = AppServer.start(0, StaticAssets.fromClasspath(), reg.root)) {
            for (String path : new String[] {"gate.json", "secret.json", "..%2Fgate.json", "../LATEST", ""}) {
                HttpResponse<byte[]> r = Http.get(server.uri().resolve("/models/coupling-v1/" + path));
                assertEquals(404, r.statusCode(), path);
            }
        }
    }

    private static void assertServed(URI server, TwoVersionRegistry reg, String version) throws Exception {
        for (String name : new String[] {"manifest.json", "weights.bin", "model-card.md"}) {
            HttpResponse<byte[]> r = Http.get(server.resolve("/models/coupling-v1/" + name));
            assertEquals(200, r.statusCode(), name);
            assertEquals(version, r.headers().firstValue("X-AIVJ-Model-Version").orElse(""), name);
            assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""), name);
            assertArrayEquals(reg.file(version, name), r.body(), name + " of " + version);
        }
        String other = version.equals(reg.first) ? reg.second : reg.first;
        assertFalse(java.util.Arrays.equals(reg.file(other, "manifest.json"),
                Http.get(server.resolve("/models/coupling-v1/manifest.json")).body()), "the two versions differ");

        JsonNode latest = JSON.readTree(Http.getText(server.resolve("/models/coupling/latest.json")));
        assertEquals(version, latest.path("version").asText());
        assertFalse(latest.path("bundled").asBoolean(true));
        assertEquals(version, latest.path("gate").path("version").asText());
        assertEquals(version.equals(reg.first) ? 1.0 : 0.98, latest.path("gate").path("goldenPassRate").asDouble(), 1e-9);

        String metrics = Http.getText(server.resolve("/metrics"));
        assertEquals(1, Http.sample(metrics, "aivj_model_info{kind=\"coupling\",source=\"registry\",version=\""
                + version + "\"}").orElseThrow(), metrics);
        assertTrue(Http.sample(metrics, "aivj_model_info{kind=\"coupling\",source=\"registry\",version=\"" + other + "\"}")
                .isEmpty(), "only the version served has an info sample");
        assertEquals(version.equals(reg.first) ? 1.0 : 0.98,
                Http.sample(metrics, "aivj_model_golden_pass_rate{kind=\"coupling\"}").orElseThrow(), 1e-9);
        assertEquals(version.equals(reg.first) ? 0.0 : 0.03,
                Http.sample(metrics, "aivj_model_drift_kl{kind=\"coupling\"}").orElseThrow(), 1e-9);
        assertEquals(version.equals(reg.first) ? 0.0009 : 0.0011,
                Http.sample(metrics, "aivj_model_gate_latency_seconds{kind=\"coupling\",quantile=\"0.99\"}").orElseThrow(), 1e-9);
    }

    private static void assertBundled(URI server) throws Exception {
        Path shipped = TwoVersionRegistry.shippedBundle();
        for (String name : new String[] {"manifest.json", "weights.bin"}) {
            HttpResponse<byte[]> r = Http.get(server.resolve("/models/coupling-v1/" + name));
            assertEquals(200, r.statusCode(), name);
            assertEquals("bundled", r.headers().firstValue("X-AIVJ-Model-Version").orElse(""), name);
            assertArrayEquals(Files.readAllBytes(shipped.resolve(name)), r.body(), name);
        }
        JsonNode latest = JSON.readTree(Http.getText(server.resolve("/models/coupling/latest.json")));
        assertTrue(latest.path("version").isNull(), latest.toString());
        assertTrue(latest.path("bundled").asBoolean(false), latest.toString());
        String metrics = Http.getText(server.resolve("/metrics"));
        assertEquals(1, Http.sample(metrics, "aivj_model_info{kind=\"coupling\",source=\"bundled\",version=\"bundled\"}")
                .orElseThrow(), metrics);
        assertTrue(Http.sample(metrics, "aivj_model_golden_pass_rate{kind=\"coupling\"}").isEmpty());
    }
}
