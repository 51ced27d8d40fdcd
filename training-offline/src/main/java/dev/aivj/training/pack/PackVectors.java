package dev.aivj.training.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivj.presets.PresetLibrary;
import dev.aivj.presets.PresetVectors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An imported pack's preset vectors (parsed .milk + the look measured into the pack's own status file), by preset
 * id, as {@link dev.aivj.training.coupling.LibraryVectors} gives the library's: what train-coupling,
 * export-quality and export-library take with {@code --pack}. A file that shares another's bytes gets that one's
 * measurement; presets not measured have none.
 */
public final class PackVectors {
    private PackVectors() {
    }

    public static Map<String, float[]> read(Path packDir) throws IOException {
        PackFolder folder = new PackFolder(packDir);
        PackPresets presets = PackPresets.read(folder.presets());
        return read(packDir, presets, PresetLibrary.readStatus(new ObjectMapper(), folder.status()));
    }

    public static Map<String, float[]> read(Path packDir, PackPresets presets, Map<String, JsonNode> status)
            throws IOException {
        List<PresetLibrary.Entry> measured = new ArrayList<>();
        for (PackPresets.Preset p : presets.presets()) {
            // Only usable presets: a text projectM could not parse has no features to parse here either.
            if (p.problem() == null && p.id().equals(p.measuredAs())
                    && PresetVerdict.ofStatus(status.get(p.id())).usable()) {
                measured.add(entry(packDir, presets.pack(), p));
            }
        }
        Map<String, float[]> byMeasured = PresetVectors.read("projectm", measured, status);
        Map<String, float[]> out = new LinkedHashMap<>();
        for (PackPresets.Preset p : presets.presets()) {
            float[] v = p.measuredAs() == null ? null : byMeasured.get(p.measuredAs());
            if (v != null) {
                out.put(p.id(), v);
            }
        }
        return out;
    }

    /** The checker's entry for a preset of the pack: its id is the pack's id. */
    public static PresetLibrary.Entry entry(Path packDir, String pack, PackPresets.Preset p) throws IOException {
        String slug = p.id().substring(pack.length() + 1);
        return PresetLibrary.entry(pack, slug, packDir.resolve(p.file()));
    }
}
