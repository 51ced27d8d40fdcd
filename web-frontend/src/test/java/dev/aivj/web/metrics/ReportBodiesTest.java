package dev.aivj.web.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.web.AppServer;
import dev.aivj.web.StaticAssets;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** POST /metrics/report on the real server: good reports counted, malformed, huge and hostile ones refused. */
class ReportBodiesTest {
    private static AppServer server;
    private static URI report;

    @BeforeAll
    static void start() throws Exception {
        server = AppServer.start(0, StaticAssets.fromClasspath(), null);
        report = server.uri().resolve("/metrics/report");
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void aGoodReportIsTakenAndObservedPerStage() throws Exception {
        HttpResponse<String> r = Http.postJson(report, "{\"decodeMs\": 812.5, \"engineMs\": 64, \"workerMs\": 70.25,"
                + " \"decodedToPlanMs\": 90, \"decodedToFirstFrameMs\": 104}");
        assertEquals(204, r.statusCode(), r.body());
        String metrics = Http.getText(server.uri().resolve("/metrics"));
        assertEquals(0.064, Http.sample(metrics, "aivj_analysis_latency_seconds_sum{stage=\"engine\"}").orElseThrow(), 1e-9);
        assertEquals(0.8125, Http.sample(metrics, "aivj_analysis_latency_seconds_sum{stage=\"decode\"}").orElseThrow(), 1e-9);
        assertEquals(1, Http.sample(metrics, "aivj_analysis_latency_seconds_bucket{stage=\"decoded_to_first_frame\",le=\"0.2\"}")
                .orElseThrow());
        assertEquals(0, Http.sample(metrics, "aivj_analysis_latency_seconds_bucket{stage=\"decoded_to_first_frame\",le=\"0.1\"}")
                .orElseThrow());
        assertTrue(Http.sample(metrics, "aivj_analysis_reports_total{result=\"accepted\"}").orElseThrow() >= 1);
        assertTrue(Http.sample(metrics, "aivj_http_requests_total{route=\"report\",status=\"204\"}").orElseThrow() >= 1);
    }

    @Test
    void aPairingReportIsTakenWithoutTheSongStages() throws Exception {
        assertEquals(204, Http.postJson(report, "{\"pairingMs\": 231.5}").statusCode());
        String metrics = Http.getText(server.uri().resolve("/metrics"));
        assertEquals(0.2315, Http.sample(metrics, "aivj_analysis_latency_seconds_sum{stage=\"pairing\"}").orElseThrow(), 1e-9);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON                | engineMs=5                                   | not valid JSON",
        "an array                | [1, 2]                                       | one JSON object",
        "a bare number           | 64                                           | one JSON object",
        "empty                   | ''                                           | one JSON object",
        "no stage                | {}                                           | at least one stage",
        "an unknown field        | {\"engineMs\": 5, \"__proto__\": 1}          | unknown field \"__proto__\"",
        "a string number         | {\"engineMs\": \"5\"}                        | must be a number",
        "a nested object         | {\"engineMs\": {\"a\": {\"b\": 1}}}          | must be a number",
        "negative                | {\"engineMs\": -1}                           | out of range",
        "too large               | {\"engineMs\": 1e300}                        | out of range",
        "overflowing             | {\"engineMs\": 1e999}                        | out of range",
        "NaN                     | {\"engineMs\": NaN}                          | not valid JSON",
        "a duplicate             | {\"engineMs\": 5, \"engineMs\": 900000}      | appears twice",
        "trailing garbage        | {\"engineMs\": 5} {\"engineMs\": 6}          | nothing may follow",
        "truncated               | {\"engineMs\": 5                             | not valid JSON",
        "a script in a key       | {\"<script>alert(1)</script>\": 1}           | unknown field",
    })
    void malformedReportsGet400WithTheReason(String what, String body, String reason) throws Exception {
        HttpResponse<String> r = Http.postJson(report, body);
        assertEquals(400, r.statusCode(), what + ": " + r.body());
        assertTrue(r.body().contains(reason), what + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), what);
    }

    @Test
    void deeplyNestedJsonIsRefusedWithoutBuildingIt() throws Exception {
        HttpResponse<String> r = Http.postJson(report, "[".repeat(1500));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("one JSON object"), r.body());
    }

    @Test
    void invalidUtf8IsRefused() throws Exception {
        byte[] body = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
        HttpResponse<String> r = Http.post(report, "application/json", HttpRequest.BodyPublishers.ofByteArray(body));
        assertEquals(400, r.statusCode(), r.body());
    }

    @Test
    void aHugeBodyGets413() throws Exception {
        String big = "{\"engineMs\": 5, \"pad\": \"" + "x".repeat(5_000_000) + "\"}";
        for (int i = 0; i < 3; i++) { // the answer must reach the client every time, not be lost in a reset
            HttpResponse<String> r = Http.postJson(report, big);
            assertEquals(413, r.statusCode(), r.body());
            assertTrue(r.body().contains("too large"), r.body());
        }
    }

    @Test
    void aHugeChunkedBodyWithoutLengthGets413() throws Exception {
        // No Content-Length (a publisher of unknown length is sent chunked): the server must count as it reads.
        byte[] chunk = ("{\"engineMs\": 5, \"pad\": \"" + "x".repeat(3000) + "\"}").getBytes();
        HttpRequest.BodyPublisher unknownLength = new HttpRequest.BodyPublisher() {
            private final HttpRequest.BodyPublisher inner = HttpRequest.BodyPublishers.ofByteArray(chunk);

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> s) {
                inner.subscribe(s);
            }
        };
        HttpResponse<String> r = Http.post(report, "application/json", unknownLength);
        assertEquals(413, r.statusCode(), r.body());
    }

    @Test
    void anotherContentTypeGets415() throws Exception {
        HttpResponse<String> r = Http.post(report, "text/plain", HttpRequest.BodyPublishers.ofString("{\"engineMs\": 5}"));
        assertEquals(415, r.statusCode(), r.body());
        assertTrue(r.body().contains("application/json"), r.body());
        HttpResponse<String> none = Http.post(report, null, HttpRequest.BodyPublishers.ofString("{\"engineMs\": 5}"));
        assertEquals(415, none.statusCode(), none.body());
    }

    @Test
    void getIsNotAllowedAndRejectionsAreCounted() throws Exception {
        assertEquals(405, Http.get(report).statusCode());
        Http.postJson(report, "nope");
        String metrics = Http.getText(server.uri().resolve("/metrics"));
        assertTrue(Http.sample(metrics, "aivj_analysis_reports_total{result=\"rejected\"}").orElseThrow() >= 1);
        assertTrue(Http.sample(metrics, "aivj_http_requests_total{route=\"report\",status=\"400\"}").orElseThrow() >= 1);
        assertTrue(Http.sample(metrics, "aivj_http_requests_total{route=\"report\",status=\"405\"}").orElseThrow() >= 1);
    }
}
