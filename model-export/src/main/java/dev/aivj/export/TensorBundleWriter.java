package dev.aivj.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes named float32 tensors as an engine model bundle: {@code weights.bin} (little-endian float32, tensors
 * back to back) and {@code manifest.json} with each tensor's shape and offset, the format version and the
 * SHA-256 of weights.bin, so a loader can refuse a corrupt or truncated file.
 */
public final class TensorBundleWriter {
    public static final int FORMAT_VERSION = 1;

    private final Map<String, int[]> shapes = new LinkedHashMap<>();
    private final Map<String, float[]> values = new LinkedHashMap<>();
    private String modelJson;

    /** Embeds a JSON object (e.g. engine-core's MusicModelSpec.toJson()) as the manifest's {@code model} field. */
    public TensorBundleWriter model(String json) {
        this.modelJson = json;
        return this;
    }

    public TensorBundleWriter add(String name, int[] shape, float[] data) {
        long size = 1;
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException(name + ": dimension " + d + " must be positive");
            }
            size *= d;
        }
        if (size != data.length) {
            throw new IllegalArgumentException(name + ": shape holds " + size + " values, data has " + data.length);
        }
        if (values.containsKey(name)) {
            throw new IllegalArgumentException("duplicate tensor " + name);
        }
        shapes.put(name, shape.clone());
        values.put(name, data.clone());
        return this;
    }

    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        int total = values.values().stream().mapToInt(v -> v.length).sum();
        ByteBuffer bytes = ByteBuffer.allocate(total * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = json.createObjectNode();
        manifest.put("formatVersion", FORMAT_VERSION);
        ArrayNode tensors = manifest.putArray("tensors");
        for (Map.Entry<String, float[]> e : values.entrySet()) {
            ObjectNode t = tensors.addObject();
            t.put("name", e.getKey());
            ArrayNode shape = t.putArray("shape");
            for (int d : shapes.get(e.getKey())) {
                shape.add(d);
            }
            t.put("offset", bytes.position());
            for (float v : e.getValue()) {
                bytes.putFloat(v);
            }
        }
        manifest.put("weightsFile", "weights.bin");
        manifest.put("weightsBytes", bytes.capacity());
        manifest.put("sha256", sha256(bytes.array()));
        if (modelJson != null) {
            manifest.set("model", json.readTree(modelJson));
        }
        Files.write(dir.resolve("weights.bin"), bytes.array());
        json.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("manifest.json").toFile(), manifest);
    }

    static String sha256(byte[] data) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
