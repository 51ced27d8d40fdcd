package dev.aivj.web.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.engine.feedback.GlobalPrior;
import dev.aivj.engine.feedback.PreferenceUpdate;
import dev.aivj.engine.recommend.PairFeatures;
import dev.aivj.web.AppServer;
import dev.aivj.web.ServerOptions;
import dev.aivj.web.StaticAssets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The federation's routes on a real server on 127.0.0.1: strict updates, FedAvg rounds, nothing accepted lost. */
class FederationServerTest {
    private static final int D = PairFeatures.DIMENSIONS;
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private AppServer start() throws java.io.IOException {
        return AppServer.start(StaticAssets.fromClasspath(), new ServerOptions(0, null, dir, false));
    }

    private HttpResponse<String> post(AppServer app, String type, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(app.uri().resolve("federated/updates")).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private GlobalPrior prior(AppServer app) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(app.uri().resolve("federated/prior")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return GlobalPrior.parse(r.body());
    }

    private static String update(int version, int feature, double value) {
        double[] d = new double[D];
        d[feature] = value;
        return new PreferenceUpdate(version, d).toJson();
    }

    @Test
    void refusesAnythingButAnUpdateWithItsReason() throws Exception {
        try (AppServer app = start()) {
            assertEquals(0, prior(app).version());
            HttpResponse<String> r = post(app, "text/plain", update(0, 0, 0.1));
            assertEquals(415, r.statusCode());
            r = post(app, "application/json", update(0, 0, 0.1).replace("{\"format\"",
                    "{\"pairs\":[\"presets_milkdrop/a|presets_milkdrop/b\"],\"format\""));
            assertEquals(400, r.statusCode());
            assertTrue(r.body().contains("unexpected field pairs"), r.body());
            r = post(app, "application/json", "{\"format\":\"aivj-preference-update-v1\",\"priorVersion\":0,"
                    + "\"delta\":[1,2]}");
            assertEquals(400, r.statusCode());
            assertTrue(r.body().contains("delta must be an array of " + D), r.body());
            r = post(app, "application/json", "x".repeat(FederationHandler.MAX_BYTES + 1));
            assertEquals(413, r.statusCode());
            r = post(app, "application/json", update(3, 0, 0.1));
            assertEquals(409, r.statusCode());
            assertTrue(r.body().contains("the current one is 0"), r.body());
            assertEquals(404, http.send(HttpRequest.newBuilder(app.uri().resolve("federated/other")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            assertTrue(!Files.exists(dir.resolve("updates.jsonl")), "a refused update is never written");
        }
    }

    /** Five updates make the next prior: their clipped mean. Accepted updates survive a restart. */
    @Test
    void averagesRoundsAndLosesNothingAcrossARestart() throws Exception {
        try (AppServer app = start()) {
            assertEquals(202, post(app, "application/json", update(0, 0, 0.5)).statusCode());
            assertEquals(202, post(app, "application/json", update(0, 0, 4.0)).statusCode()); // clipped to 1
            HttpResponse<String> r = post(app, "application/json", update(0, 1, -0.5));
            assertEquals(202, r.statusCode());
            assertEquals("{\"version\":0,\"pending\":3}", r.body());
        }
        try (AppServer app = start()) {
            assertEquals(202, post(app, "application/json", update(0, 2, 1)).statusCode());
            HttpResponse<String> r = post(app, "application/json", update(0, 2, 1));
            assertEquals("{\"version\":1,\"pending\":0}", r.body());
            GlobalPrior p = prior(app);
            assertEquals(1, p.version());
            assertEquals(5, p.updates());
            assertEquals((0.5 + 1.0) / 5, p.theta()[0], 1e-12);
            assertEquals(-0.5 / 5, p.theta()[1], 1e-12);
            assertEquals(2.0 / 5, p.theta()[2], 1e-12);
            assertTrue(Files.exists(dir.resolve("priors").resolve("v1.json")));
            assertEquals(409, post(app, "application/json", update(0, 0, 0.1)).statusCode());
        }
        assertEquals(1, GlobalPrior.parse(Files.readString(dir.resolve("prior.json"))).version());
    }

    @Test
    void aCorruptUpdateLogIsRefusedNamingTheLine() throws Exception {
        Files.writeString(dir.resolve("updates.jsonl"), update(0, 0, 0.1) + "\n{broken\n");
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> start());
        assertTrue(e.getMessage().contains("updates.jsonl line 2"), e.getMessage());
    }

    @Test
    void noFederationWithoutAFolderAndTheAbTestOnlyWhenAsked() throws Exception {
        try (AppServer app = AppServer.start(0)) {
            assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(app.uri() + "federated/prior")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals("{\"abTest\":false}", http.send(HttpRequest.newBuilder(app.uri().resolve("experiment.json"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
        }
        try (AppServer app = AppServer.start(StaticAssets.fromClasspath(), ServerOptions.parse("--port", "0",
                "--federation", dir.toString(), "--ab-test"))) {
            assertTrue(http.send(HttpRequest.newBuilder(app.uri().resolve("experiment.json")).build(),
                    HttpResponse.BodyHandlers.ofString()).body().contains("\"abTest\":true"));
        }
    }
}
