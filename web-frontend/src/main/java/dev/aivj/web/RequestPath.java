package dev.aivj.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns the raw path of a request into a safe relative asset path, or refuses it.
 *
 * <p>Refused: anything not starting with a single '/', malformed or non-UTF-8 percent escapes, an encoded
 * '/' or '\', empty, "." or ".." segments (also when percent-encoded), hidden segments, control characters,
 * backslashes, colons and a literal '%' after decoding (double encoding). "/" maps to "index.html".
 */
public final class RequestPath {

    static final int MAX_LENGTH = 1024;

    private RequestPath() {
    }

    /** The relative path (no leading slash) for a raw request path, or empty when it is refused. */
    public static Optional<String> toAssetPath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.length() > MAX_LENGTH || rawPath.charAt(0) != '/') {
            return Optional.empty();
        }
        if (rawPath.equals("/")) {
            return Optional.of("index.html");
        }
        String relative = rawPath.substring(1);
        StringBuilder out = new StringBuilder(relative.length());
        for (String rawSegment : relative.split("/", -1)) {
            Optional<String> segment = decodeSegment(rawSegment);
            if (segment.isEmpty() || !isSafeSegment(segment.get())) {
                return Optional.empty();
            }
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(segment.get());
        }
        return Optional.of(out.toString());
    }

    private static boolean isSafeSegment(String segment) {
        if (segment.isEmpty() || segment.charAt(0) == '.') {
            return false; // empty ("//"), ".", "..", and hidden files
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '/' || c == '\\' || c == ':' || c == '%') {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> decodeSegment(String raw) {
        if (raw.indexOf('%') < 0) {
            return Optional.of(raw);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                if (c > 0x7f) {
                    return Optional.empty(); // the HTTP server hands us raw ASCII; anything else is odd
                }
                bytes.write(c);
                continue;
            }
            if (i + 2 >= raw.length()) {
                return Optional.empty();
            }
            int hi = Character.digit(raw.charAt(i + 1), 16);
            int lo = Character.digit(raw.charAt(i + 2), 16);
            if (hi < 0 || lo < 0) {
                return Optional.empty();
            }
            bytes.write((hi << 4) | lo);
            i += 2;
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
