package dev.aivj.training.coupling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code golden-gate.json}, beside a checkpoint and in the bundle exported from it: the pack and the numbers of the
 * golden pairs the model never trained on, so the release gate measures it on those and no others.
 */
public final class GoldenGateFile {
    public static final String FILE = "golden-gate.json";

    /** The pairs a model was kept from: its pack name and golden pair numbers. */
    public record GoldenGate(String pack, int percent, List<Integer> pairs) {
    }

    private GoldenGateFile() {
    }

    public static void write(Path dir, String pack, int percent, List<CouplingExample> gate) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode().put("pack", pack).put("percent", percent);
        ArrayNode pairs = root.putArray("pairs");
        gate.forEach(e -> pairs.add(e.pair()));
        Files.createDirectories(dir);
        json.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(FILE).toFile(), root);
    }

    /** The file in {@code dir}; empty when the model came without one (it trained on every golden pair). */
    public static java.util.Optional<GoldenGate> read(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return java.util.Optional.empty();
        }
        JsonNode root = new ObjectMapper().readTree(f.toFile());
        List<Integer> pairs = new ArrayList<>();
        root.path("pairs").forEach(n -> pairs.add(n.asInt()));
        return java.util.Optional.of(new GoldenGate(root.path("pack").asText(), root.path("percent").asInt(), pairs));
    }
}
