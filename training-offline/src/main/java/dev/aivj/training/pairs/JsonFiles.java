package dev.aivj.training.pairs;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Shared JSON plumbing of the pairs readers and writers. */
final class JsonFiles {
    static final ObjectMapper MAPPER = new ObjectMapper();

    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private JsonFiles() {
    }

    /**
     * Writes compact UTF-8 JSON and a final newline to a temporary file beside {@code target}, then moves it over
     * {@code target}: a failed write never leaves a half-written file for the web player.
     */
    static void writeAtomically(Path target, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp);
                    JsonGenerator g = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                body.write(g);
                g.flush();
                out.write('\n');
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static JsonParser parser(Path file) throws IOException {
        return MAPPER.createParser(file.toFile());
    }

    static JsonFactory factory() {
        return MAPPER.getFactory();
    }

    static int line(JsonParser p) {
        return Math.max(0, p.currentTokenLocation().getLineNr());
    }

    static PairsFormatException error(String file, JsonParser p, String reason) {
        return new PairsFormatException(file, line(p), reason);
    }

    static void expect(String file, JsonParser p, JsonToken t, JsonToken want, String what)
            throws PairsFormatException {
        if (t != want) {
            throw error(file, p, what + " must be " + describe(want) + ", found " + (t == null ? "end of file"
                    : describe(t)));
        }
    }

    static String describe(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }

    static String string(String file, JsonParser p, String what) throws IOException {
        JsonToken t = p.currentToken();
        expect(file, p, t, JsonToken.VALUE_STRING, what);
        return p.getText();
    }

    static int integer(String file, JsonParser p, String what) throws IOException {
        JsonToken t = p.currentToken();
        expect(file, p, t, JsonToken.VALUE_NUMBER_INT, what);
        if (p.getNumberType() != JsonParser.NumberType.INT) {
            throw error(file, p, what + " " + p.getText() + " does not fit an int");
        }
        return p.getIntValue();
    }

    static double number(String file, JsonParser p, String what) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw error(file, p, what + " must be a number, found " + (t == null ? "end of file" : describe(t)));
        }
        double d = p.getDoubleValue();
        if (!Double.isFinite(d)) {
            throw error(file, p, what + " is not finite");
        }
        return d;
    }
}
