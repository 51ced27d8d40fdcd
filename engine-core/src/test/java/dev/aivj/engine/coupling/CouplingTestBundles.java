package dev.aivj.engine.coupling;

import dev.aivj.engine.json.JsonWriter;
import dev.aivj.engine.looks.PresetVector;
import dev.aivj.engine.model.Sha256;
import dev.aivj.engine.presets.BaseValueDefaults;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * GENERATED TEST WEIGHTS, NOT A TRAINED MODEL: builds coupling-model bundles in memory exactly the way model-export's
 * TensorBundleWriter writes them ({@code manifest.json} text with formatVersion 1, each tensor's name, shape and byte
 * offset, weightsBytes, the SHA-256 of the weights and the spec as {@code model}; {@code weights.bin} as
 * little-endian float32), filled with seeded random values. Their scores mean nothing; they exist so that inference,
 * bundle checks and the Wasm build can be tested without a trained model. Shipped in engine-core's test-jar for
 * wasm-build's parity test.
 *
 * <p>The values are scaled so the network works in its normal range: {@code norm.mean}/{@code norm.std} follow the
 * scale of each {@link PresetVector} slot ({@link #slotMean}, {@link #slotScale}; std always positive), layer weights
 * are N(0, 1/fan_in) so activations stay O(1) and neither tanh nor the sigmoid saturate.
 */
public final class CouplingTestBundles {
    /** Seed of {@link #fixture()}. */
    public static final long SEED = 20260301L;

    private static CouplingTestBundles fixture;

    private final CouplingModelSpec spec;
    private final Map<String, float[]> tensors;
    private final String manifest;
    private final byte[] weights;

    private CouplingTestBundles(CouplingModelSpec spec, Map<String, float[]> tensors, String manifest, byte[] weights) {
        this.spec = spec;
        this.tensors = tensors;
        this.manifest = manifest;
        this.weights = weights;
    }

    /** GENERATED TEST WEIGHTS for {@code spec}, seeded. */
    public static CouplingTestBundles random(CouplingModelSpec spec, long seed) {
        return builder(spec, seed).build();
    }

    /** GENERATED TEST WEIGHTS for the default spec with attention and adaptive weights, seed {@link #SEED}. */
    public static synchronized CouplingTestBundles fixture() {
        if (fixture == null) {
            fixture = random(CouplingModelSpec.defaults(true, true), SEED);
        }
        return fixture;
    }

    public static Builder builder(CouplingModelSpec spec, long seed) {
        return new Builder(spec, seed);
    }

    public CouplingModelSpec spec() {
        return spec;
    }

    public String manifest() {
        return manifest;
    }

    /** The weights.bin bytes (a copy). */
    public byte[] weights() {
        return weights.clone();
    }

    /** The generated tensor values by name (as written, before any encoding), for reference computations. */
    public Map<String, float[]> tensors() {
        return Collections.unmodifiableMap(tensors);
    }

    public CouplingModel load() {
        return CouplingModel.load(manifest, weights());
    }

    /** Writes {@code manifest.json} and {@code weights.bin} into {@code dir} (created if needed); returns dir. */
    public Path writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("manifest.json"), manifest);
        Files.write(dir.resolve("weights.bin"), weights);
        return dir;
    }

    /** Builds a bundle, optionally broken in one controlled way (for the loader's error tests). */
    public static final class Builder {
        private final CouplingModelSpec spec;
        private final long seed;
        private String modelJson;
        private final Map<String, int[]> shapeOverrides = new LinkedHashMap<>();
        private final Map<String, float[]> valueOverrides = new LinkedHashMap<>();
        private final java.util.Set<String> omitted = new java.util.HashSet<>();

        private Builder(CouplingModelSpec spec, long seed) {
            this.spec = spec;
            this.seed = seed;
            this.modelJson = spec.toJson();
        }

        /** The manifest's {@code model} object, instead of {@code spec.toJson()}. */
        public Builder modelJson(String json) {
            this.modelJson = json;
            return this;
        }

        /** Writes {@code tensor} with this shape (random values to fit) instead of the spec's. */
        public Builder shape(String tensor, int... shape) {
            shapeOverrides.put(tensor, shape.clone());
            return this;
        }

        /** Writes these values for {@code tensor} (the spec's shape) instead of random ones. */
        public Builder values(String tensor, float[] values) {
            valueOverrides.put(tensor, values.clone());
            return this;
        }

        /** Leaves {@code tensor} out of the bundle. */
        public Builder omit(String tensor) {
            omitted.add(tensor);
            return this;
        }

        public CouplingTestBundles build() {
            Random r = new Random(seed);
            String[] names = PresetVector.names();
            Map<String, int[]> shapes = new LinkedHashMap<>();
            Map<String, float[]> values = new LinkedHashMap<>();
            for (String name : spec.tensorNames()) {
                int[] shape = shapeOverrides.getOrDefault(name, spec.shapeOf(name));
                float[] v = new float[count(shape)];
                for (int i = 0; i < v.length; i++) {
                    v[i] = value(name, shape, i, names, r);
                }
                if (valueOverrides.containsKey(name)) {
                    v = valueOverrides.get(name);
                }
                if (!omitted.contains(name)) {
                    shapes.put(name, shape);
                    values.put(name, v);
                }
            }
            int total = values.values().stream().mapToInt(a -> a.length).sum();
            ByteBuffer b = ByteBuffer.allocate(4 * total).order(ByteOrder.LITTLE_ENDIAN);
            JsonWriter j = new JsonWriter().beginObject().name("formatVersion").value(1);
            j.name("tensors").beginArray();
            for (Map.Entry<String, float[]> e : values.entrySet()) {
                j.beginObject().name("name").value(e.getKey()).name("shape").beginArray();
                for (int d : shapes.get(e.getKey())) {
                    j.value(d);
                }
                j.endArray().name("offset").value(b.position()).endObject();
                for (float f : e.getValue()) {
                    b.putFloat(f);
                }
            }
            j.endArray();
            j.name("weightsFile").value("weights.bin").name("weightsBytes").value(b.capacity());
            j.name("sha256").value(Sha256.hex(b.array()));
            j.name("generated").value("GENERATED TEST WEIGHTS (seed " + seed + "), not a trained model");
            String text = j.name("model").value("@MODEL@").endObject().toString().replace("\"@MODEL@\"", modelJson);
            return new CouplingTestBundles(spec, values, text, b.array());
        }

        private float value(String name, int[] shape, int i, String[] slotNames, Random r) {
            boolean presetLayout = spec.inputSize() == slotNames.length;
            switch (name) {
                case "norm.mean":
                    return presetLayout ? slotMean(slotNames[i]) + 0.1f * slotScale(slotNames[i])
                            * (float) r.nextGaussian() : (float) r.nextGaussian();
                case "norm.std":
                    return (presetLayout ? slotScale(slotNames[i]) : 1f) * (0.6f + 0.8f * r.nextFloat());
                case "role.upper":
                case "role.lower":
                    return 0.5f * (float) r.nextGaussian();
                case "weights.global":
                    return (float) r.nextGaussian();
                case "bias":
                    return 0.3f * (float) r.nextGaussian();
                default:
                    if (name.endsWith(".weight")) {
                        int fanIn = shape.length > 1 ? shape[shape.length - 1] : 1;
                        return (float) (r.nextGaussian() / Math.sqrt(fanIn));
                    }
                    return 0.1f * (float) r.nextGaussian();
            }
        }
    }

    private static int count(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    // ---- realistic-scale preset vectors ----------------------------------------------------------------

    /** A typical value of a {@link PresetVector} slot (measured looks, code counts, base values). */
    public static float slotMean(String slot) {
        switch (slot) {
            case "luma_mean": return 80f;
            case "luma_min": return 40f;
            case "luma_contrast": return 40f;
            case "motion": return 10f;
            case "colourfulness": return 40f;
            case "coloured_share": return 0.5f;
            case "edge_density": return 0.1f;
            case "audio_reactivity": return 0.2f;
            case "warp_shader_length":
            case "comp_shader_length": return 600f;
            case "enabled_shapes":
            case "enabled_waves": return 1f;
            default:
                if (isFlag(slot) || slot.startsWith("hue_")) {
                    return isFlag(slot) ? 0.3f : 0f;
                }
                if (slot.endsWith("_statements") || slot.endsWith("_operators")) {
                    return 15f;
                }
                double d = BaseValueDefaults.of(slot);
                return Double.isNaN(d) ? 0f : (float) d;
        }
    }

    /** A typical spread of a {@link PresetVector} slot around {@link #slotMean} (always positive). */
    public static float slotScale(String slot) {
        switch (slot) {
            case "luma_mean":
            case "luma_min": return 50f;
            case "luma_contrast":
            case "colourfulness": return 20f;
            case "motion": return 8f;
            case "hue_x":
            case "hue_y":
            case "coloured_share":
            case "audio_reactivity": return 0.3f;
            case "edge_density": return 0.08f;
            case "warp_shader_length":
            case "comp_shader_length": return 800f;
            case "enabled_shapes":
            case "enabled_waves": return 1.5f;
            default:
                if (isFlag(slot)) {
                    return 0.45f;
                }
                if (slot.endsWith("_statements") || slot.endsWith("_operators")) {
                    return 20f;
                }
                return Math.max(0.1f, 0.3f * Math.abs(slotMean(slot)));
        }
    }

    private static boolean isFlag(String slot) {
        switch (slot) {
            case "blank": case "frozen": case "broken": case "has_warp_shader": case "has_comp_shader":
            case "milkdrop2": case "additivewave": case "wave_dots": case "wave_thick": case "wave_brighten":
            case "brighten": case "darken": case "solarize": case "invert": case "darken_center": case "wrap":
            case "modwavealphabyvolume":
                return true;
            default:
                return false;
        }
    }

    /**
     * A random {@link PresetVector} of realistic scale: each slot near {@link #slotMean} with spread
     * {@link #slotScale}, flags 0 or 1, counts whole and non-negative. Roughly one slot in 50 is an outlier (10 to 30
     * spreads away) so the normaliser's clip is exercised.
     */
    public static float[] realisticVector(Random r) {
        String[] names = PresetVector.names();
        float[] x = new float[names.length];
        for (int i = 0; i < x.length; i++) {
            String n = names[i];
            double v = slotMean(n) + slotScale(n) * r.nextGaussian();
            if (r.nextInt(50) == 0) {
                v = slotMean(n) + slotScale(n) * (r.nextBoolean() ? 1 : -1) * (10 + 20 * r.nextDouble());
            }
            if (isFlag(n)) {
                v = r.nextFloat() < slotMean(n) ? 1 : 0;
            } else if (n.endsWith("_statements") || n.endsWith("_operators") || n.endsWith("_length")
                    || n.startsWith("enabled_")) {
                v = Math.rint(Math.abs(v));
            }
            x[i] = (float) v;
        }
        return x;
    }

    /** A random vector around a model's own normaliser: mean + std·N(0, 1) per slot (any input size). */
    public static float[] vectorAround(float[] mean, float[] std, Random r) {
        float[] x = new float[mean.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (mean[i] + std[i] * 1.5 * r.nextGaussian());
        }
        return x;
    }
}
