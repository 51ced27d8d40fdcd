package dev.aivj.engine.model;

import dev.aivj.engine.json.JsonWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/** Builds model bundles in memory the way model-export writes them, with seeded random weights. */
final class TestBundles {
    final String manifest;
    final byte[] weights;

    private TestBundles(String manifest, byte[] weights) {
        this.manifest = manifest;
        this.weights = weights;
    }

    static TestBundles random(MusicModelSpec spec, long seed) {
        return build(spec, seed, spec.toJson(), 1, null, null);
    }

    /** @param overrideTensor a tensor written with {@code overrideShape} instead of the spec's shape */
    static TestBundles build(MusicModelSpec spec, long seed, String modelJson, int formatVersion,
            String overrideTensor, int[] overrideShape) {
        Random r = new Random(seed);
        String[] names = spec.tensorNames();
        int[][] shapes = new int[names.length][];
        int total = 0;
        for (int i = 0; i < names.length; i++) {
            shapes[i] = names[i].equals(overrideTensor) ? overrideShape : spec.shapeOf(names[i]);
            total += count(shapes[i]);
        }
        ByteBuffer b = ByteBuffer.allocate(4 * total).order(ByteOrder.LITTLE_ENDIAN);
        JsonWriter j = new JsonWriter().beginObject().name("formatVersion").value(formatVersion);
        j.name("tensors").beginArray();
        for (int i = 0; i < names.length; i++) {
            j.beginObject().name("name").value(names[i]).name("shape").beginArray();
            for (int d : shapes[i]) {
                j.value(d);
            }
            j.endArray().name("offset").value(b.position()).endObject();
            for (int k = 0; k < count(shapes[i]); k++) {
                float v;
                if (names[i].equals(MusicModelSpec.INPUT_MEAN)) {
                    v = -50f + 10f * (float) r.nextGaussian();
                } else if (names[i].equals(MusicModelSpec.INPUT_STD)) {
                    v = 10f + 10f * r.nextFloat();
                } else {
                    v = 0.3f * (float) r.nextGaussian();
                }
                b.putFloat(v);
            }
        }
        j.endArray();
        j.name("weightsFile").value("weights.bin").name("weightsBytes").value(b.capacity());
        j.name("sha256").value(Sha256.hex(b.array()));
        String text = j.name("model").value("@MODEL@").endObject().toString();
        text = text.replace("\"@MODEL@\"", modelJson);
        return new TestBundles(text, b.array());
    }

    private static int count(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }
}
