package dev.aivj.web.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Prometheus server ({@value #BINARY}, package {@code prometheus}; .ci/run installs it) on a free
 * 127.0.0.1 port, scraping one target every second, with its data in a temp folder. Stopped by close().
 */
final class RealPrometheus implements AutoCloseable {
    static final String BINARY = "/usr/bin/prometheus";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path log;
    final URI uri;

    RealPrometheus(Path dir, String target) throws Exception {
        if (!Files.isExecutable(Path.of(BINARY))) {
            throw new IllegalStateException(BINARY + " is missing: apt-get install prometheus (.ci/run installs it)");
        }
        int port = freePort();
        uri = URI.create("http://127.0.0.1:" + port + "/");
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, String.join("\n",
                "global:",
                "  scrape_interval: 1s",
                "  evaluation_interval: 1s",
                "scrape_configs:",
                "  - job_name: aivj",
                "    metrics_path: /metrics",
                "    static_configs:",
                "      - targets: ['" + target + "']",
                ""));
        log = dir.resolve("prometheus.log");
        process = new ProcessBuilder(BINARY, "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitReady();
    }

    /** The result array of an instant query; throws when Prometheus answers an error (e.g. a bad PromQL). */
    JsonNode query(String promql) throws Exception {
        URI q = uri.resolve("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        JsonNode answer = JSON.readTree(Http.get(q).body());
        if (!"success".equals(answer.path("status").asText())) {
            throw new AssertionError("Prometheus refused " + promql + ": " + answer);
        }
        return answer.path("data").path("result");
    }

    /** Polls an instant query until its first sample's value is {@code expected} (as Prometheus prints it). */
    JsonNode awaitValue(String promql, String expected, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        JsonNode result = null;
        while (System.nanoTime() < end) {
            result = query(promql);
            if (result.size() > 0 && expected.equals(result.get(0).path("value").path(1).asText())) {
                return result;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Prometheus never answered " + expected + " for " + promql + "; last: " + result
                + "\nlog:\n" + logTail());
    }

    String logTail() throws IOException {
        String text = Files.exists(log) ? Files.readString(log) : "";
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }

    private void awaitReady() throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (Http.get(uri.resolve("/-/ready")).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("prometheus not ready after 60 s:\n" + logTail());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
