package dev.aivj.engine.json;

/**
 * A minimal streaming JSON writer. engine-core cannot use Jackson: it runs under TeaVM, where reflection-based
 * data binding is unavailable. Numbers must be finite: a NaN reaching the output is a bug, so it throws.
 */
public final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    private boolean needComma;

    public JsonWriter beginObject() {
        separate();
        out.append('{');
        needComma = false;
        return this;
    }

    public JsonWriter endObject() {
        out.append('}');
        needComma = true;
        return this;
    }

    public JsonWriter beginArray() {
        separate();
        out.append('[');
        needComma = false;
        return this;
    }

    public JsonWriter endArray() {
        out.append(']');
        needComma = true;
        return this;
    }

    public JsonWriter name(String name) {
        separate();
        string(name);
        out.append(':');
        needComma = false;
        return this;
    }

    public JsonWriter value(String s) {
        separate();
        string(s);
        needComma = true;
        return this;
    }

    /** {@code s}, or {@code null} when there is none (e.g. a section's style without a music model). */
    public JsonWriter valueOrNull(String s) {
        return s == null ? nullValue() : value(s);
    }

    public JsonWriter value(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalStateException("non-finite number in analysis output");
        }
        separate();
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            out.append((long) v);
        } else {
            out.append(v);
        }
        needComma = true;
        return this;
    }

    /** {@code json}, already JSON text (a nested document written by another writer), as the next value. */
    public JsonWriter rawValue(String json) {
        separate();
        out.append(json);
        needComma = true;
        return this;
    }

    public JsonWriter nullValue() {
        separate();
        out.append("null");
        needComma = true;
        return this;
    }

    public JsonWriter value(boolean v) {
        separate();
        out.append(v);
        needComma = true;
        return this;
    }

    public JsonWriter array(float[] values) {
        beginArray();
        for (float v : values) {
            value(floatValue(v));
        }
        return endArray();
    }

    public JsonWriter array(double[] values) {
        beginArray();
        for (double v : values) {
            value(v);
        }
        return endArray();
    }

    /** Widens a float by its shortest decimal form, so 0.1f prints as 0.1 rather than 0.10000000149011612. */
    private static double floatValue(float v) {
        return Double.parseDouble(Float.toString(v));
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void separate() {
        if (needComma) {
            out.append(',');
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                String hex = Integer.toHexString(c);
                out.append("\\u");
                for (int p = hex.length(); p < 4; p++) {
                    out.append('0');
                }
                out.append(hex);
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
