package dev.aivj.training.corpus;

/** One thing wrong with a manifest, at a 1-based line number. */
public record ManifestProblem(int line, String message) {
    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
