package dev.aivj.web.metrics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A plain HTTP client for the tests' real servers, and reading one sample out of /metrics text. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static HttpResponse<byte[]> get(URI uri) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static String getText(URI uri) throws Exception {
        return new String(get(uri).body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    static HttpResponse<String> postJson(URI uri, String body) throws Exception {
        return post(uri, "application/json", HttpRequest.BodyPublishers.ofString(body));
    }

    static HttpResponse<String> post(URI uri, String contentType, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).POST(body);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A report of the engine stage only, ms. */
    static HttpResponse<String> report(URI server, double engineMs) throws Exception {
        return postJson(server.resolve("/metrics/report"), "{\"engineMs\": " + engineMs + "}");
    }

    /** The value of the sample {@code series} (name and labels exactly as exposed) in a /metrics text. */
    static Optional<Double> sample(String metricsText, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metricsText);
        return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
    }
}
