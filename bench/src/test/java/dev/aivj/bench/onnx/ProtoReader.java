package dev.aivj.bench.onnx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test-only reader of the protobuf wire format: each field number's values, varints as Long, the rest as byte[]. */
final class ProtoReader {
    private final Map<Integer, List<Object>> fields = new LinkedHashMap<>();

    ProtoReader(byte[] bytes) {
        int[] pos = {0};
        while (pos[0] < bytes.length) {
            long tag = varint(bytes, pos);
            int field = (int) (tag >>> 3);
            int type = (int) (tag & 7);
            Object value;
            if (type == 0) {
                value = varint(bytes, pos);
            } else if (type == 2) {
                int length = (int) varint(bytes, pos);
                value = java.util.Arrays.copyOfRange(bytes, pos[0], pos[0] + length);
                pos[0] += length;
            } else {
                throw new IllegalArgumentException("unexpected wire type " + type + " for field " + field);
            }
            fields.computeIfAbsent(field, f -> new ArrayList<>()).add(value);
        }
    }

    static long varint(byte[] b, int[] pos) {
        long v = 0;
        for (int shift = 0; ; shift += 7) {
            int x = b[pos[0]++] & 0xFF;
            v |= (long) (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
        }
    }

    List<Object> all(int field) {
        return fields.getOrDefault(field, List.of());
    }

    long num(int field) {
        return (Long) all(field).get(0);
    }

    String string(int field) {
        return new String((byte[]) all(field).get(0), StandardCharsets.UTF_8);
    }

    List<String> strings(int field) {
        return all(field).stream().map(b -> new String((byte[]) b, StandardCharsets.UTF_8)).toList();
    }

    ProtoReader message(int field) {
        return new ProtoReader((byte[]) all(field).get(0));
    }

    List<ProtoReader> messages(int field) {
        return all(field).stream().map(b -> new ProtoReader((byte[]) b)).toList();
    }

    /** A packed repeated varint field. */
    long[] packed(int field) {
        byte[] b = (byte[]) all(field).get(0);
        List<Long> values = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < b.length) {
            values.add(varint(b, pos));
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }
}
