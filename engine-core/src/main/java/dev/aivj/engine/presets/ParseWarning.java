package dev.aivj.engine.presets;

/** A problem in one line of a preset that the parser skipped or repaired; presets in the wild are often sloppy. */
public final class ParseWarning {
    private final int line;
    private final String message;

    public ParseWarning(int line, String message) {
        this.line = line;
        this.message = message;
    }

    /** 1-based line number in the preset text. */
    public int line() {
        return line;
    }

    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
