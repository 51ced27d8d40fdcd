package dev.aivj.training.coupling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivj.engine.coupling.CouplingModelSpec;
import dev.aivj.engine.json.JsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained coupling model on disk, {@code coupling-checkpoint.json}: the spec, every tensor by bundle name (the
 * normaliser included; floats written so they read back bit for bit), the config and the training history.
 * model-export turns it into an engine bundle.
 */
public final class CouplingCheckpoint {
    public static final String FILE = "coupling-checkpoint.json";

    private CouplingCheckpoint() {
    }

    public static Path save(Path dir, CouplingTrainer.Trained t, CouplingTrainer.Config config) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.set("model", json.readTree(t.spec().toJson()));
        root.set("config", json.valueToTree(config));
        root.put("bestEpoch", t.bestEpoch());
        root.put("divergedEpoch", t.divergedEpoch());
        root.put("skippedSteps", t.skippedSteps());
        root.put("bestValidationSpearman", t.bestValidationSpearman());
        root.set("trainLoss", json.valueToTree(t.trainLoss()));
        root.set("validationSpearman", json.valueToTree(t.validationSpearman()));
        ObjectNode tensors = root.putObject("tensors");
        for (Map.Entry<String, float[]> e : t.parameters().entrySet()) {
            ArrayNode a = tensors.putArray(e.getKey());
            for (float v : e.getValue()) {
                a.add(v);
            }
        }
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        Path tmp = dir.resolve(FILE + ".tmp");
        json.writeValue(tmp.toFile(), root);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    public static CouplingTrainer.Trained load(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no coupling checkpoint " + file + " (train one with ./aivj train-coupling)");
        }
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        CouplingModelSpec spec = CouplingModelSpec.fromJson(JsonReader.parse(root.path("model").toString()));
        Map<String, float[]> tensors = new LinkedHashMap<>();
        for (String name : spec.tensorNames()) {
            JsonNode a = root.path("tensors").path(name);
            int[] shape = spec.shapeOf(name);
            int size = 1;
            for (int d : shape) {
                size *= d;
            }
            if (a.size() != size) {
                throw new IOException(file + ": tensor " + name + " has " + a.size() + " values, the spec needs " + size);
            }
            float[] v = new float[size];
            for (int i = 0; i < size; i++) {
                v[i] = a.get(i).floatValue();
            }
            tensors.put(name, v);
        }
        List<Double> loss = new ArrayList<>();
        root.path("trainLoss").forEach(n -> loss.add(n.asDouble()));
        List<Double> rho = new ArrayList<>();
        root.path("validationSpearman").forEach(n -> rho.add(n.asDouble()));
        return new CouplingTrainer.Trained(spec, new VectorNormalizer(tensors.get("norm.mean"), tensors.get("norm.std")),
                tensors, root.path("bestEpoch").asInt(), root.path("bestValidationSpearman").asDouble(), loss, rho,
                root.path("divergedEpoch").asInt(0), root.path("skippedSteps").asInt(0));
    }
}
