package dev.aivj.training.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivj.engine.looks.MeasuredLook;
import dev.aivj.presets.PresetFrames;
import dev.aivj.presets.PresetLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The presets a bootstrap pair may use: those of the projectM library whose status file entry is current (same
 * build stamp and look version as the file), usable (shaders compile, not blank, not frozen) and whose frames are
 * in the frame cache.
 */
public final class CandidateSource {
    private CandidateSource() {
    }

    public static List<CandidatePreset> read(Path statusFile, Path presetsRoot, Path framesDir) throws IOException {
        if (!Files.isRegularFile(statusFile)) {
            throw new IOException("no preset status file " + statusFile + " (run ./aivj check-presets first)");
        }
        JsonNode status = new ObjectMapper().readTree(statusFile.toFile());
        String stamp = status.path("build").asText();
        JsonNode presets = status.path("presets");
        List<CandidatePreset> out = new ArrayList<>();
        for (PresetLibrary.Entry e : PresetLibrary.scan(presetsRoot)) {
            JsonNode r = presets.path(e.id());
            boolean current = stamp.equals(r.path("build").asText())
                    && r.path("lookVersion").asInt() == MeasuredLook.LOOK_VERSION;
            boolean usable = r.path("shadersCompile").asBoolean() && r.path("nonBlank").asBoolean()
                    && !r.path("frozen").asBoolean(true);
            Path frames = PresetFrames.file(framesDir, "projectm", stamp, e);
            if (current && usable && Files.isRegularFile(frames)) {
                out.add(new CandidatePreset(e.id(), e.url(), e.file(), frames));
            }
        }
        return out;
    }
}
