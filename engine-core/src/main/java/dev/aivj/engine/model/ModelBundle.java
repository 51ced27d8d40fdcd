package dev.aivj.engine.model;

import dev.aivj.engine.json.JsonReader;
import dev.aivj.engine.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model bundle as model-export writes it (TensorBundleWriter): {@code manifest.json} text plus
 * {@code weights.bin} bytes (little-endian float32 tensors). engine-core does no I/O: the host reads both files
 * and passes them in. {@link #load} refuses, with an {@link IllegalArgumentException} saying what is wrong, a
 * bundle that is truncated, corrupt (SHA-256 mismatch), of another format version, or whose tensors do not fit.
 */
public final class ModelBundle {
    public static final int FORMAT_VERSION = 1;

    private final JsonValue manifest;
    private final Map<String, int[]> shapes;
    private final Map<String, float[]> tensors;

    private ModelBundle(JsonValue manifest, Map<String, int[]> shapes, Map<String, float[]> tensors) {
        this.manifest = manifest;
        this.shapes = shapes;
        this.tensors = tensors;
    }

    public static ModelBundle load(String manifestJson, byte[] weights) {
        if (weights == null) {
            throw new IllegalArgumentException("model bundle: weights are missing");
        }
        JsonValue m;
        try {
            m = JsonReader.parse(manifestJson);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model bundle: manifest is not valid JSON: " + e.getMessage(), e);
        }
        try {
            return check(m, weights);
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("model bundle:") ? e
                    : new IllegalArgumentException("model bundle: " + e.getMessage(), e);
        }
    }

    private static ModelBundle check(JsonValue m, byte[] weights) {
        int version = m.get("formatVersion").asInt();
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("model bundle: formatVersion " + version
                    + " is not supported (this engine reads " + FORMAT_VERSION + ")");
        }
        long declared = m.get("weightsBytes").asLong();
        if (weights.length < declared) {
            throw new IllegalArgumentException("model bundle: weights are truncated: " + weights.length
                    + " bytes, manifest says " + declared);
        }
        if (weights.length > declared) {
            throw new IllegalArgumentException("model bundle: weights have " + weights.length
                    + " bytes, manifest says " + declared + " (wrong weights file?)");
        }
        String expected = m.get("sha256").asString();
        String actual = Sha256.hex(weights);
        if (!actual.equalsIgnoreCase(expected)) {
            throw new IllegalArgumentException("model bundle: weights are corrupt: SHA-256 " + actual
                    + " does not match the manifest's " + expected);
        }
        Map<String, int[]> shapes = new LinkedHashMap<>();
        Map<String, float[]> tensors = new LinkedHashMap<>();
        JsonValue list = m.get("tensors");
        long end = 0;
        for (int i = 0; i < list.size(); i++) {
            JsonValue t = list.at(i);
            String name = t.get("name").asString();
            if (tensors.containsKey(name)) {
                throw new IllegalArgumentException("model bundle: duplicate tensor " + name);
            }
            int[] shape = t.get("shape").asIntArray();
            long count = 1;
            for (int d : shape) {
                if (d < 1) {
                    throw new IllegalArgumentException("model bundle: tensor " + name + " has dimension " + d);
                }
                count *= d;
            }
            long offset = t.get("offset").asLong();
            if (offset < end || offset % 4 != 0 || offset + 4 * count > weights.length) {
                throw new IllegalArgumentException("model bundle: tensor " + name + " (offset " + offset + ", "
                        + count + " floats) does not fit the " + weights.length + "-byte weights");
            }
            end = offset + 4 * count;
            float[] v = new float[(int) count];
            int p = (int) offset;
            for (int k = 0; k < v.length; k++, p += 4) {
                int bits = (weights[p] & 0xff) | (weights[p + 1] & 0xff) << 8 | (weights[p + 2] & 0xff) << 16
                        | (weights[p + 3] & 0xff) << 24;
                v[k] = Float.intBitsToFloat(bits);
                if (Float.isNaN(v[k]) || Float.isInfinite(v[k])) {
                    throw new IllegalArgumentException("model bundle: tensor " + name + " holds a non-finite value"
                            + " at index " + k);
                }
            }
            shapes.put(name, shape);
            tensors.put(name, v);
        }
        return new ModelBundle(m, shapes, tensors);
    }

    public JsonValue manifest() {
        return manifest;
    }

    public boolean hasTensor(String name) {
        return tensors.containsKey(name);
    }

    public int[] shape(String name) {
        return require(name, shapes.get(name)).clone();
    }

    /** The tensor's values (row-major); the array is shared, do not modify it. */
    public float[] tensor(String name) {
        return require(name, tensors.get(name));
    }

    /** The tensor, checked to have exactly {@code expected} shape. */
    public float[] tensor(String name, int[] expected) {
        int[] actual = require(name, shapes.get(name));
        boolean same = actual.length == expected.length;
        for (int i = 0; same && i < actual.length; i++) {
            same = actual[i] == expected[i];
        }
        if (!same) {
            throw new IllegalArgumentException("model bundle: tensor " + name + " has shape " + text(actual)
                    + " but the model spec needs " + text(expected));
        }
        return tensors.get(name);
    }

    private static <T> T require(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException("model bundle: tensor " + name + " is missing");
        }
        return value;
    }

    static String text(int[] shape) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return b.append(']').toString();
    }
}
