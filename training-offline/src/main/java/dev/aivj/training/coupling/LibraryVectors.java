package dev.aivj.training.coupling;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivj.presets.PresetLibrary;
import dev.aivj.presets.PresetVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The projectM library's preset vectors (parsed .milk + measured look from the status file), by preset id. */
public final class LibraryVectors {
    public static final Path DEFAULT_STATUS = Path.of("preset-catalogue/preset-status.json");

    private LibraryVectors() {
    }

    public static Map<String, float[]> read(Path statusFile, Path presetsRoot) throws IOException {
        if (!Files.isRegularFile(statusFile)) {
            throw new IOException("no preset status file " + statusFile + " (run ./aivj check-presets first)");
        }
        return PresetVectors.read("projectm", PresetLibrary.scan(presetsRoot),
                PresetLibrary.readStatus(new ObjectMapper(), statusFile));
    }
}
