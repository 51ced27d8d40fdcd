package dev.aivj.export.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivj.training.coupling.CouplingExample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The old track, recorded: a model's outputs {quality, w_s, w_t} on every pair of a pack
 * ({@code data/regression/coupling-reference.json}), so a later engine or model runs beside it without the old code.
 */
public final class RegressionReference {
    public static final Path DEFAULT = Path.of("data/regression/coupling-reference.json");

    private RegressionReference() {
    }

    public static void write(Path file, String model, String pack, List<CouplingExample> pairs, PackScores s)
            throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode().put("model", model).put("pack", pack);
        ObjectNode outputs = root.putObject("outputs");
        for (int i = 0; i < pairs.size(); i++) {
            // float precision: the model computes in float, and the tolerances are 0.5 % and more
            outputs.putArray(String.valueOf(pairs.get(i).pair())).add((float) s.quality()[i]).add((float) s.ws()[i])
                    .add((float) s.wt()[i]);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        json.writeValue(file.toFile(), root);
    }

    /** The recorded outputs in the pack's order; throws naming a pair the reference lacks. */
    public static double[][] read(Path file, String pack, List<CouplingExample> pairs) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (!pack.equals(root.path("pack").asText())) {
            throw new IOException(file + " was recorded on pack " + root.path("pack").asText() + ", not " + pack);
        }
        double[][] out = new double[pairs.size()][];
        for (int i = 0; i < pairs.size(); i++) {
            JsonNode o = root.path("outputs").get(String.valueOf(pairs.get(i).pair()));
            if (o == null || o.size() != 3) {
                throw new IOException(file + " has no outputs for pair " + pairs.get(i).pair());
            }
            out[i] = new double[] {o.get(0).asDouble(), o.get(1).asDouble(), o.get(2).asDouble()};
        }
        return out;
    }

    public static String model(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile()).path("model").asText();
    }
}
