package dev.aivj.training.pairs;

import java.io.IOException;

/** A {@code pairs-manifest.json} or {@code pairs-quality.v0.json} that does not follow the web player's contract. */
public final class PairsFormatException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;

    public PairsFormatException(String file, int line, String reason) {
        super((line > 0 ? file + ":" + line : file) + ": " + reason);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    /** 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }
}
