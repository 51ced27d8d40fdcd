package dev.aivj.engine.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON value (object, array, string, number, boolean or null) from {@link JsonReader}. Accessors throw
 * {@link IllegalArgumentException} naming the path of the offending value, so a loader can pass the message on.
 */
public final class JsonValue {
    public enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

    private final Kind kind;
    private final String path;
    private final Map<String, JsonValue> members;
    private final List<JsonValue> elements;
    private final String text;
    private final double number;
    private final boolean bool;

    private JsonValue(Kind kind, String path, Map<String, JsonValue> members, List<JsonValue> elements, String text,
            double number, boolean bool) {
        this.kind = kind;
        this.path = path;
        this.members = members;
        this.elements = elements;
        this.text = text;
        this.number = number;
        this.bool = bool;
    }

    static JsonValue object(String path, LinkedHashMap<String, JsonValue> members) {
        return new JsonValue(Kind.OBJECT, path, members, null, null, 0, false);
    }

    static JsonValue array(String path, ArrayList<JsonValue> elements) {
        return new JsonValue(Kind.ARRAY, path, null, elements, null, 0, false);
    }

    static JsonValue string(String path, String s) {
        return new JsonValue(Kind.STRING, path, null, null, s, 0, false);
    }

    static JsonValue number(String path, double v) {
        return new JsonValue(Kind.NUMBER, path, null, null, null, v, false);
    }

    static JsonValue bool(String path, boolean v) {
        return new JsonValue(Kind.BOOLEAN, path, null, null, null, 0, v);
    }

    static JsonValue nullValue(String path) {
        return new JsonValue(Kind.NULL, path, null, null, null, 0, false);
    }

    public Kind kind() {
        return kind;
    }

    /** Where this value sits in the document, e.g. {@code $.model.layers[2].kernel}. */
    public String path() {
        return path;
    }

    public boolean has(String name) {
        return kind == Kind.OBJECT && members.containsKey(name);
    }

    /** The member {@code name} of this object; throws when this is not an object or the member is missing. */
    public JsonValue get(String name) {
        expect(Kind.OBJECT);
        JsonValue v = members.get(name);
        if (v == null) {
            throw new IllegalArgumentException(path + ": missing field \"" + name + "\"");
        }
        return v;
    }

    public List<String> names() {
        expect(Kind.OBJECT);
        return Collections.unmodifiableList(new ArrayList<>(members.keySet()));
    }

    public int size() {
        expect(Kind.ARRAY);
        return elements.size();
    }

    public JsonValue at(int index) {
        expect(Kind.ARRAY);
        if (index < 0 || index >= elements.size()) {
            throw new IllegalArgumentException(path + ": no element " + index + " in " + elements.size());
        }
        return elements.get(index);
    }

    public String asString() {
        expect(Kind.STRING);
        return text;
    }

    public double asDouble() {
        expect(Kind.NUMBER);
        return number;
    }

    /** The number as an int; throws when it has a fraction or does not fit. */
    public int asInt() {
        expect(Kind.NUMBER);
        if (number != Math.rint(number) || number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(path + ": expected an integer, found " + number);
        }
        return (int) number;
    }

    public long asLong() {
        expect(Kind.NUMBER);
        if (number != Math.rint(number) || Math.abs(number) > 9.007199254740992E15) {
            throw new IllegalArgumentException(path + ": expected an integer, found " + number);
        }
        return (long) number;
    }

    public boolean asBoolean() {
        expect(Kind.BOOLEAN);
        return bool;
    }

    public int[] asIntArray() {
        int[] out = new int[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = at(i).asInt();
        }
        return out;
    }

    public float[] asFloatArray() {
        float[] out = new float[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) at(i).asDouble();
        }
        return out;
    }

    public String[] asStringArray() {
        String[] out = new String[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = at(i).asString();
        }
        return out;
    }

    private void expect(Kind wanted) {
        if (kind != wanted) {
            throw new IllegalArgumentException(path + ": expected " + name(wanted) + ", found " + name(kind));
        }
    }

    private static String name(Kind k) {
        switch (k) {
            case OBJECT: return "an object";
            case ARRAY: return "an array";
            case STRING: return "a string";
            case NUMBER: return "a number";
            case BOOLEAN: return "a boolean";
            default: return "null";
        }
    }
}
