package dev.aivj.training.pairs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The team's example files (test resources copied from shared/DATA-FORMATS.md) and JSON key helpers. */
final class ExampleJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String MANIFEST = "pairs-manifest.example.json";
    static final String QUALITY = "pairs-quality.v0.example.json";

    private ExampleJson() {
    }

    static String text(String resource) throws IOException {
        try (InputStream in = ExampleJson.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static JsonNode tree(String resource) throws IOException {
        return MAPPER.readTree(text(resource));
    }

    static Path copy(String resource, Path dir) throws IOException {
        return Files.writeString(dir.resolve(resource), text(resource));
    }

    static List<String> keys(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
