package dev.aivj.training.pairs;

import java.util.Objects;

/** A row that could not be imported: file, 1-based line (0 = the whole file) and why. */
public record ImportProblem(String file, int line, String reason) {
    public ImportProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return (line == 0 ? file : file + ":" + line) + ": " + reason;
    }
}
