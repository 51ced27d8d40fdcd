package dev.aivj.audioio;

import java.nio.file.Path;

/**
 * A file could not be decoded. {@link #reason()} is a single human readable line without the
 * file name; {@link #getMessage()} is {@code "<file>: <reason>"}.
 */
public final class AudioDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String reason;

    public AudioDecodeException(Path file, String reason) {
        this(file, reason, null);
    }

    public AudioDecodeException(Path file, String reason, Throwable cause) {
        super(file + ": " + oneLine(reason), cause);
        this.file = file;
        this.reason = oneLine(reason);
    }

    /** The file that failed. */
    public Path file() {
        return file;
    }

    /** One-line reason, without the file name. */
    public String reason() {
        return reason;
    }

    static String oneLine(String s) {
        if (s == null || s.isBlank()) {
            return "unknown error";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        if (nl >= 0) {
            t = t.substring(0, nl).strip();
        }
        t = t.replace('\r', ' ').replace('\t', ' ');
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }
}
