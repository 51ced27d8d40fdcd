package dev.aivj.training.music;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivj.engine.json.JsonReader;
import dev.aivj.engine.model.MelNormalizer;
import dev.aivj.engine.model.MusicModelSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A training checkpoint, one folder per epoch under {@code <out>/checkpoints/}: {@code params.ndlist} (every
 * MusicNet parameter incl. batch-norm running statistics, by name), {@code optimizer.ndlist} (Adam moments) and
 * {@code state.json} (epoch, seed, spec, normaliser, optimizer step counts, loss history). The text file
 * {@code checkpoints/latest} names the newest folder. Writes go to a temporary folder renamed at the end, so an
 * interrupted save never leaves a half checkpoint behind.
 */
public final class MusicCheckpoint {
    public static final String LATEST = "latest";
    /** Text file naming the checkpoint with the lowest validation loss (model selection). */
    public static final String BEST = "best";

    private MusicCheckpoint() {
    }

    /** What a checkpoint holds besides tensors. */
    public record State(int epoch, long seed, MusicModelSpec spec, MelNormalizer normalizer,
            Map<String, Integer> optimizerSteps, double[] trainLoss, double[] valLoss) {
    }

    public static Path save(Path out, MusicNet net, ResumableAdam adam, State state) throws IOException {
        Path root = out.resolve("checkpoints");
        Files.createDirectories(root);
        String name = String.format("epoch-%04d", state.epoch());
        Path tmp = Files.createTempDirectory(root, name + ".tmp");
        NDList params = new NDList();
        for (Pair<String, Parameter> p : net.getParameters()) {
            NDArray a = p.getValue().getArray().duplicate();
            a.setName(p.getKey());
            params.add(a);
        }
        Files.write(tmp.resolve("params.ndlist"), params.encode());
        params.close();
        NDList moments = adam.momentState();
        Files.write(tmp.resolve("optimizer.ndlist"), moments.encode());
        moments.close();
        ObjectMapper json = new ObjectMapper();
        ObjectNode s = json.createObjectNode();
        s.put("epoch", state.epoch());
        s.put("seed", state.seed());
        s.set("model", json.readTree(state.spec().toJson()));
        floats(s.putArray("inputMean"), state.normalizer().mean());
        floats(s.putArray("inputStd"), state.normalizer().std());
        ObjectNode steps = s.putObject("optimizerSteps");
        state.optimizerSteps().forEach(steps::put);
        doubles(s.putArray("trainLoss"), state.trainLoss());
        doubles(s.putArray("valLoss"), state.valLoss());
        json.writerWithDefaultPrettyPrinter().writeValue(tmp.resolve("state.json").toFile(), s);
        Path dir = root.resolve(name);
        if (Files.exists(dir)) {
            for (String f : new String[] {"params.ndlist", "optimizer.ndlist", "state.json"}) {
                Files.deleteIfExists(dir.resolve(f));
            }
            Files.delete(dir);
        }
        Files.move(tmp, dir);
        Files.writeString(root.resolve(LATEST), name + "\n");
        return dir;
    }

    /** The newest checkpoint folder under {@code out}, or null when there is none. */
    public static Path latest(Path out) throws IOException {
        Path pointer = out.resolve("checkpoints").resolve(LATEST);
        if (!Files.isRegularFile(pointer)) {
            return null;
        }
        return out.resolve("checkpoints").resolve(Files.readString(pointer).trim());
    }

    /** Records {@code checkpoint} (a folder under {@code out/checkpoints}) as the selected one. */
    public static void markBest(Path out, Path checkpoint) throws IOException {
        Files.writeString(out.resolve("checkpoints").resolve(BEST), checkpoint.getFileName() + "\n");
    }

    /** The selected (best validation) checkpoint under {@code out}, or null when none was marked. */
    public static Path best(Path out) throws IOException {
        Path pointer = out.resolve("checkpoints").resolve(BEST);
        if (!Files.isRegularFile(pointer)) {
            return null;
        }
        return out.resolve("checkpoints").resolve(Files.readString(pointer).trim());
    }

    public static State readState(Path dir) throws IOException {
        JsonNode s = new ObjectMapper().readTree(dir.resolve("state.json").toFile());
        MusicModelSpec spec = MusicModelSpec.fromJson(JsonReader.parse(s.get("model").toString()));
        MelNormalizer norm = new MelNormalizer(toFloats(s.get("inputMean")), toFloats(s.get("inputStd")));
        Map<String, Integer> steps = new TreeMap<>();
        s.get("optimizerSteps").fields().forEachRemaining(e -> steps.put(e.getKey(), e.getValue().asInt()));
        return new State(s.get("epoch").asInt(), s.get("seed").asLong(), spec, norm, steps,
                toDoubles(s.get("trainLoss")), toDoubles(s.get("valLoss")));
    }

    /** Copies the checkpoint's parameters into an initialised net (in place, so a Trainer's arrays stay valid). */
    public static void loadParameters(Path dir, MusicNet net, NDManager manager) throws IOException {
        try (NDManager tmp = manager.newSubManager()) {
            NDList saved = NDList.decode(tmp, Files.readAllBytes(dir.resolve("params.ndlist")));
            Map<String, NDArray> byName = new HashMap<>();
            for (NDArray a : saved) {
                byName.put(a.getName(), a);
            }
            for (Pair<String, Parameter> p : net.getParameters()) {
                NDArray src = byName.get(p.getKey());
                NDArray dst = p.getValue().getArray();
                if (src == null || !src.getShape().equals(dst.getShape())) {
                    throw new IOException(dir + ": parameter " + p.getKey() + " missing or of another shape");
                }
                // In-place arithmetic keeps the parameter's tensor (and its autograd flag) instead of replacing it.
                dst.muli(0).addi(src);
            }
        }
    }

    public static NDList readOptimizer(Path dir, NDManager manager) throws IOException {
        return NDList.decode(manager, Files.readAllBytes(dir.resolve("optimizer.ndlist")));
    }

    /** A MusicNet initialised for inference with the checkpoint's parameters (for export and parity checks). */
    public static MusicNet loadNet(Path dir, NDManager manager) throws IOException {
        State state = readState(dir);
        MusicNet net = new MusicNet(state.spec());
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 64, state.spec().melBands()));
        loadParameters(dir, net, manager);
        return net;
    }

    private static void floats(ArrayNode a, float[] v) {
        for (float x : v) {
            a.add(x);
        }
    }

    private static void doubles(ArrayNode a, double[] v) {
        for (double x : v) {
            a.add(x);
        }
    }

    private static float[] toFloats(JsonNode a) {
        float[] v = new float[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).floatValue();
        }
        return v;
    }

    private static double[] toDoubles(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asDouble();
        }
        return v;
    }
}
