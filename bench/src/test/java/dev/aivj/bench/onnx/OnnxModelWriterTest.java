package dev.aivj.bench.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.bench.BundledEngineData;
import dev.aivj.engine.model.ModelBundle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The bundled music network's ONNX export, read back with a wire-format reader: versions, the node sequence, every
 * node's inputs defined before use, initializer shapes and sizes, and the LSTM's gate reordering. Whether it
 * computes the engine's outputs is BenchCommandTest's check (ONNX Runtime Web against HotSpot, max |Δ| < 1e-3).
 */
class OnnxModelWriterTest {
    private static final ModelBundle BUNDLE = BundledEngineData.musicBundle();
    private static final ProtoReader MODEL = new ProtoReader(OnnxModelWriter.write(BUNDLE));
    private static final ProtoReader GRAPH = MODEL.message(7);

    @Test
    void modelDeclaresIrVersionAndOpset() {
        assertEquals(8, MODEL.num(1), "ir_version");
        ProtoReader opset = MODEL.message(8);
        assertEquals(17, opset.num(2), "default-domain opset");
        assertTrue(MODEL.all(8).size() == 1 && opset.all(1).stream().allMatch(d -> ((byte[]) d).length == 0));
    }

    @Test
    void nodesFollowTheEngineLayersInOrder() {
        List<String> ops = GRAPH.messages(1).stream().map(n -> n.string(4)).toList();
        assertEquals(List.of("Sub", "Div", "Transpose", "MaxPool", "Conv", "Relu", "MaxPool", "Conv", "Relu",
                "MaxPool", "Transpose", "LSTM", "Squeeze", "Transpose", "MatMul", "Add", "Softmax", "MatMul", "Add",
                "Sigmoid"), ops);
    }

    @Test
    void everyNodeInputIsDefinedBeforeUseAndOutputsAreNamed() {
        Set<String> defined = new HashSet<>(initializers().keySet());
        GRAPH.messages(11).forEach(v -> defined.add(v.string(1)));
        assertEquals(List.of("logmel"), GRAPH.messages(11).stream().map(v -> v.string(1)).toList());
        for (ProtoReader node : GRAPH.messages(1)) {
            for (String in : node.strings(1)) {
                assertTrue(defined.contains(in), node.string(4) + " reads undefined " + in);
            }
            defined.addAll(node.strings(2));
        }
        List<String> outputs = GRAPH.messages(12).stream().map(v -> v.string(1)).toList();
        assertEquals(List.of("style", "visual"), outputs);
        assertTrue(defined.containsAll(outputs));
    }

    @Test
    void initializersHaveTheLayersShapesAndFloatData() {
        Map<String, ProtoReader> init = initializers();
        Map<String, long[]> expected = new LinkedHashMap<>();
        expected.put("input.mean", new long[] {64});
        expected.put("input.std", new long[] {64});
        expected.put("conv1.weight", new long[] {16, 64, 3});
        expected.put("conv1.bias", new long[] {16});
        expected.put("conv2.weight", new long[] {32, 16, 3});
        expected.put("conv2.bias", new long[] {32});
        expected.put("lstm.W", new long[] {1, 128, 32});
        expected.put("lstm.R", new long[] {1, 128, 32});
        expected.put("lstm.B", new long[] {1, 256});
        expected.put("style.weight", new long[] {32, 5});
        expected.put("style.bias", new long[] {5});
        expected.put("visual.weight", new long[] {32, 9});
        expected.put("visual.bias", new long[] {9});
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            ProtoReader t = init.get(e.getKey());
            assertArrayEquals(e.getValue(), t.packed(1), e.getKey() + " dims");
            assertEquals(1, t.num(2), e.getKey() + " is float32");
            long size = java.util.Arrays.stream(e.getValue()).reduce(1, (a, b) -> a * b);
            assertEquals(4 * size, ((byte[]) t.all(9).get(0)).length, e.getKey() + " raw_data bytes");
        }
        assertArrayEquals(BUNDLE.tensor("conv1.weight"), floats(init.get("conv1.weight")), "torch Conv1d layout = ONNX");
    }

    @Test
    void lstmGatesAreReorderedAndTheBiasSitsInWb() {
        int h = 32;
        float[] w = floats(initializers().get("lstm.W"));
        float[] torch = BUNDLE.tensor("lstm.weightIh");
        int block = h * 32;
        int[] torchBlockOfOnnx = {0, 3, 1, 2}; // ONNX i, o, f, c ← torch i, f, g, o
        for (int b = 0; b < 4; b++) {
            assertEquals(torch[torchBlockOfOnnx[b] * block + 5], w[b * block + 5], "gate block " + b);
        }
        float[] bias = floats(initializers().get("lstm.B"));
        float[] torchBias = BUNDLE.tensor("lstm.bias");
        assertEquals(torchBias[3 * h], bias[h], "output gate's bias is ONNX's second block");
        for (int i = 4 * h; i < 8 * h; i++) {
            assertEquals(0f, bias[i], "Rb is zero");
        }
    }

    @Test
    void varintsMatchTheWireFormat() {
        assertArrayEquals(new byte[] {0x08, (byte) 0xAC, 0x02}, new ProtoWriter().varint(1, 300).toByteArray());
        byte[] minusOne = new ProtoWriter().varint(3, -1).toByteArray();
        assertEquals(11, minusOne.length, "a negative int64 takes ten bytes after its tag");
        assertEquals(-1L, ProtoReader.varint(minusOne, new int[] {1}));
    }

    private static Map<String, ProtoReader> initializers() {
        Map<String, ProtoReader> byName = new LinkedHashMap<>();
        GRAPH.messages(5).forEach(t -> byName.put(t.string(8), t));
        return byName;
    }

    private static float[] floats(ProtoReader tensor) {
        byte[] raw = (byte[]) tensor.all(9).get(0);
        float[] out = new float[raw.length / 4];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
