package dev.aivj.training.pack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * What a preset file of a pack is checked for before it is rendered, the checks the page makes of a dropped .milk
 * ({@code stage/own-presets.js}): empty, over 1 MB, binary, or none of a MilkDrop preset's fields. Such a file is
 * not worth a browser's time: it is reported with its reason and left out.
 */
public final class PresetFileCheck {
    /** Real presets are a few kB to ~100 kB. */
    public static final long MAX_BYTES = 1024 * 1024;
    private static final Pattern FIELDS = Pattern.compile(
            "^\\s*(\\[preset\\d+\\]|MILKDROP_PRESET_VERSION\\s*=|zoom\\s*=|fDecay\\s*=|per_frame_\\d+\\s*=|warp_\\d+\\s*=)",
            Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);

    private PresetFileCheck() {
    }

    /** Why {@code file} is no preset to render, or null when it looks like one. */
    public static String problem(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "not a regular file";
        }
        long size = Files.size(file);
        if (size == 0) {
            return "empty file";
        }
        if (size > MAX_BYTES) {
            return "over 1 MB (" + size + " bytes): not a MilkDrop preset";
        }
        byte[] bytes = Files.readAllBytes(file);
        for (byte b : bytes) {
            if (b == 0) {
                return "binary file, not a MilkDrop preset";
            }
        }
        if (!FIELDS.matcher(new String(bytes, StandardCharsets.ISO_8859_1)).find()) {
            return "none of a MilkDrop preset's fields ([preset00], zoom=, per_frame_1=, ...)";
        }
        return null;
    }
}
