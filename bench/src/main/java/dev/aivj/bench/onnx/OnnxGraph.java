package dev.aivj.bench.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * An ONNX graph being built and its serialisation as a ModelProto. Field numbers are onnx.proto's (ModelProto,
 * GraphProto, NodeProto, AttributeProto, TensorProto, ValueInfoProto, TypeProto, TensorShapeProto); only the
 * fields this exporter needs are written.
 */
final class OnnxGraph {
    /** IR version 8 (ONNX 1.10+) with the default domain at opset 17: what every current runtime reads. */
    static final long IR_VERSION = 8;
    static final long OPSET = 17;

    private static final int FLOAT = 1; // TensorProto.DataType
    private static final int INT64 = 7;
    private static final int ATTR_INT = 2; // AttributeProto.AttributeType
    private static final int ATTR_INTS = 7;

    private final String name;
    private final List<ProtoWriter> nodes = new ArrayList<>();
    private final List<ProtoWriter> initializers = new ArrayList<>();
    private final List<ProtoWriter> inputs = new ArrayList<>();
    private final List<ProtoWriter> outputs = new ArrayList<>();
    private int nextId;

    OnnxGraph(String name) {
        this.name = name;
    }

    /** A float32 graph input or output; a String in {@code dims} is a named dynamic dimension, a Number a fixed one. */
    void input(String tensor, Object... dims) {
        inputs.add(valueInfo(tensor, dims));
    }

    void output(String tensor, Object... dims) {
        outputs.add(valueInfo(tensor, dims));
    }

    /** A float32 initializer (a constant weight) named {@code tensor}; returns its name. */
    String floats(String tensor, float[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        initializers.add(tensor(tensor, FLOAT, raw.array(), dims));
        return tensor;
    }

    /** An int64 initializer, for the ops whose settings are inputs since opset 13 (Squeeze's axes). */
    String int64s(String tensor, long... values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(values);
        initializers.add(tensor(tensor, INT64, raw.array(), values.length));
        return tensor;
    }

    /**
     * Adds a node; returns its first output's name (generated, or {@code output} when given). {@code attributes}
     * alternate name and value: a Long/Integer value is an INT attribute, a long[] an INTS one.
     */
    String node(String opType, String output, List<String> nodeInputs, Object... attributes) {
        String id = opType.toLowerCase(java.util.Locale.ROOT) + "_" + nextId++;
        String out = output != null ? output : id;
        ProtoWriter node = new ProtoWriter();
        for (String in : nodeInputs) {
            node.string(1, in);
        }
        node.string(2, out).string(3, id).string(4, opType);
        for (int i = 0; i < attributes.length; i += 2) {
            node.message(5, attribute((String) attributes[i], attributes[i + 1]));
        }
        nodes.add(node);
        return out;
    }

    byte[] toModel(String producer, String docString) {
        ProtoWriter graph = new ProtoWriter();
        nodes.forEach(n -> graph.message(1, n));
        graph.string(2, name);
        initializers.forEach(t -> graph.message(5, t));
        inputs.forEach(v -> graph.message(11, v));
        outputs.forEach(v -> graph.message(12, v));
        return new ProtoWriter().varint(1, IR_VERSION).string(2, producer).string(6, docString)
                .message(7, graph).message(8, new ProtoWriter().string(1, "").varint(2, OPSET)).toByteArray();
    }

    private static ProtoWriter attribute(String name, Object value) {
        ProtoWriter a = new ProtoWriter().string(1, name);
        if (value instanceof long[] ints) {
            return a.packedInt64s(8, ints).varint(20, ATTR_INTS);
        }
        return a.varint(3, ((Number) value).longValue()).varint(20, ATTR_INT);
    }

    private static ProtoWriter tensor(String name, int dataType, byte[] raw, long... dims) {
        return new ProtoWriter().packedInt64s(1, dims).varint(2, dataType).string(8, name).bytes(9, raw);
    }

    private static ProtoWriter valueInfo(String name, Object... dims) {
        ProtoWriter shape = new ProtoWriter();
        for (Object d : dims) {
            ProtoWriter dim = new ProtoWriter();
            if (d instanceof Number n) {
                dim.varint(1, n.longValue());
            } else {
                dim.string(2, (String) d);
            }
            shape.message(1, dim);
        }
        ProtoWriter tensorType = new ProtoWriter().varint(1, FLOAT).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
    }
}
