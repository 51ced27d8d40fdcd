package dev.aivj.training.pack;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Why a preset of a pack is left out, by kind (for the report's counts) with the detail (for its line), or
 * {@link #USABLE}. File-level kinds come from {@link PresetFileCheck} and the resolver; the others from the preset
 * checker's result: projectM could not parse it, its shader does not compile, it hung (no frame within the
 * timeout), rendering failed otherwise, or its output is blank or frozen.
 */
public record PresetVerdict(String kind, String detail) {
    public static final PresetVerdict USABLE = new PresetVerdict("usable", "");

    public boolean usable() {
        return this == USABLE || kind.equals("usable");
    }

    /** The verdict on a file-level problem's text. */
    public static PresetVerdict ofFileProblem(String problem) {
        String kind = problem.startsWith("missing") ? "missing"
                : problem.startsWith("leads outside") ? "outside-pack"
                : problem.startsWith("empty") ? "empty"
                : problem.startsWith("binary") ? "binary"
                : problem.startsWith("over 1 MB") ? "too-big"
                : problem.startsWith("none of") ? "not-a-preset" : "unreadable";
        return new PresetVerdict(kind, problem);
    }

    /** The verdict on a preset checker's status entry (null: not measured). */
    public static PresetVerdict ofStatus(JsonNode r) {
        if (r == null) {
            return new PresetVerdict("not-measured", "not measured (the import was cut short or limited)");
        }
        String error = firstLine(r.path("error").asText(""));
        int status = r.path("loadStatus").asInt(0);
        if (status == -9) {
            return error.startsWith("timeout") ? new PresetVerdict("hang", error)
                    : new PresetVerdict("render-failed", error);
        }
        if (!r.path("loads").asBoolean()) {
            return new PresetVerdict("parse", "projectM cannot parse it: " + error);
        }
        if (!r.path("shadersCompile").asBoolean()) {
            return new PresetVerdict("shader", "its shader does not compile: " + error);
        }
        if (!r.path("nonBlank").asBoolean()) {
            return new PresetVerdict("blank", "blank output (nothing drawn on the reference audio)");
        }
        if (r.path("frozen").asBoolean()) {
            return new PresetVerdict("frozen", "frozen output (no motion on the reference audio)");
        }
        return USABLE;
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        String line = i < 0 ? s : s.substring(0, i);
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }

    @Override
    public String toString() {
        return usable() ? "usable" : kind + ": " + detail;
    }
}
