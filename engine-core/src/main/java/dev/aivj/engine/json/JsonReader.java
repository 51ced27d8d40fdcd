package dev.aivj.engine.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * A minimal strict JSON parser (RFC 8259) for engine-core, the counterpart of {@link JsonWriter}: no reflection,
 * no I/O, so TeaVM compiles it. Parses a whole document into a {@link JsonValue} tree; any syntax error, a
 * duplicate key, trailing text or nesting deeper than {@value #MAX_DEPTH} throws {@link IllegalArgumentException}
 * with the character offset.
 */
public final class JsonReader {
    public static final int MAX_DEPTH = 64;

    private final String s;
    private int pos;

    private JsonReader(String s) {
        this.s = s;
    }

    public static JsonValue parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("JSON text is null");
        }
        JsonReader r = new JsonReader(text);
        r.skipSpace();
        JsonValue v = r.value("$", 0);
        r.skipSpace();
        if (r.pos != text.length()) {
            throw r.error("unexpected text after the JSON value");
        }
        return v;
    }

    private JsonValue value(String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        if (pos >= s.length()) {
            throw error("unexpected end of JSON");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{': return object(path, depth);
            case '[': return array(path, depth);
            case '"': return JsonValue.string(path, string());
            case 't': literal("true"); return JsonValue.bool(path, true);
            case 'f': literal("false"); return JsonValue.bool(path, false);
            case 'n': literal("null"); return JsonValue.nullValue(path);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return JsonValue.number(path, number());
                }
                throw error("unexpected character '" + c + "'");
        }
    }

    private JsonValue object(String path, int depth) {
        pos++;
        LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return JsonValue.object(path, members);
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a member name");
            }
            String name = string();
            if (members.containsKey(name)) {
                throw error("duplicate key \"" + name + "\"");
            }
            skipSpace();
            expect(':');
            skipSpace();
            members.put(name, value(path + "." + name, depth + 1));
            skipSpace();
            char c = next();
            if (c == '}') {
                return JsonValue.object(path, members);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private JsonValue array(String path, int depth) {
        pos++;
        ArrayList<JsonValue> elements = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return JsonValue.array(path, elements);
        }
        while (true) {
            skipSpace();
            elements.add(value(path + "[" + elements.size() + "]", depth + 1));
            skipSpace();
            char c = next();
            if (c == ']') {
                return JsonValue.array(path, elements);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() {
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw error("unterminated string");
            }
            char c = s.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("control character in string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"': out.append('"'); break;
                case '\\': out.append('\\'); break;
                case '/': out.append('/'); break;
                case 'b': out.append('\b'); break;
                case 'f': out.append('\f'); break;
                case 'n': out.append('\n'); break;
                case 'r': out.append('\r'); break;
                case 't': out.append('\t'); break;
                case 'u': out.append((char) hex4()); break;
                default:
                    pos--;
                    throw error("bad escape '\\" + e + "'");
            }
        }
    }

    private int hex4() {
        if (pos + 4 > s.length()) {
            throw error("truncated \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(s.charAt(pos++), 16);
            if (d < 0) {
                pos--;
                throw error("bad hex digit in \\u escape");
            }
            v = v * 16 + d;
        }
        return v;
    }

    private double number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("expected a digit");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("expected a digit after '.'");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent");
            }
            digits();
        }
        return Double.parseDouble(s.substring(start, pos));
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void literal(String word) {
        if (!s.startsWith(word, pos)) {
            throw error("unexpected token");
        }
        pos += word.length();
    }

    private void skipSpace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private char next() {
        if (pos >= s.length()) {
            throw error("unexpected end of JSON");
        }
        return s.charAt(pos++);
    }

    private void expect(char c) {
        if (next() != c) {
            pos--;
            throw error("expected '" + c + "'");
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException("invalid JSON at offset " + pos + ": " + message);
    }
}
