package dev.aivj.training.pairs;

import java.util.Objects;

/**
 * Where a row came from, for error reports: a file and a 1-based line number. Line 0 means the row is a whole
 * file (a refinery .milk file) or has no line of its own.
 */
public record RowOrigin(String file, int line) {
    public RowOrigin {
        Objects.requireNonNull(file, "file");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0: " + line);
        }
    }

    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line;
    }
}
