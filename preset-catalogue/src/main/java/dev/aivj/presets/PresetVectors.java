package dev.aivj.presets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivj.engine.looks.MeasuredLook;
import dev.aivj.engine.looks.PresetVector;
import dev.aivj.engine.presets.ButterchurnPresetFeatures;
import dev.aivj.engine.presets.MilkPresetParser;
import dev.aivj.engine.presets.PresetFeatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the preset corpus as vectors: {@code {"version", "engine", "names", "presets": {id: [...]}}}, one
 * {@link PresetVector} (parsed features, then measured look) per preset whose status entry has a look of the
 * current version. Presets without one are left out (not yet measured); broken, blank and frozen presets stay in,
 * flagged in their look slots, so training sees them and recommendation can skip them.
 *
 * <pre>java ... dev.aivj.presets.PresetVectors --engine projectm|butterchurn --status FILE --presets DIR --out FILE</pre>
 */
public final class PresetVectors {
    private PresetVectors() {
    }

    /** Writes the vectors; returns how many presets had one. */
    public static int write(String engine, List<PresetLibrary.Entry> entries, Map<String, JsonNode> status, Path out)
            throws IOException {
        Map<String, float[]> vectors = read(engine, entries, status);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("version", PresetVector.VERSION);
        root.put("engine", engine);
        ArrayNode names = root.putArray("names");
        for (String n : PresetVector.names()) {
            names.add(n);
        }
        ObjectNode presets = root.putObject("presets");
        for (Map.Entry<String, float[]> e : vectors.entrySet()) {
            ArrayNode v = presets.putArray(e.getKey());
            for (float x : e.getValue()) {
                v.add(x);
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        mapper.writeValue(out.toFile(), root);
        return vectors.size();
    }

    /**
     * The vector of every entry whose status has a look of the current version, by preset id in entry order;
     * the others (not yet measured) are left out.
     */
    public static Map<String, float[]> read(String engine, List<PresetLibrary.Entry> entries,
            Map<String, JsonNode> status) throws IOException {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (PresetLibrary.Entry e : entries) {
            JsonNode st = status.get(e.id());
            if (st == null || st.path("lookVersion").asInt() != MeasuredLook.LOOK_VERSION
                    || st.path("look").size() != MeasuredLook.LENGTH) {
                continue;
            }
            float[] look = new float[MeasuredLook.LENGTH];
            for (int i = 0; i < look.length; i++) {
                look[i] = (float) st.path("look").get(i).asDouble();
            }
            out.put(e.id(), PresetVector.of(parsed(engine, e), MeasuredLook.of(look)));
        }
        return out;
    }

    private static float[] parsed(String engine, PresetLibrary.Entry e) throws IOException {
        if (engine.equals("butterchurn")) {
            return ButterchurnPresetFeatures.of(Files.readString(e.file(), StandardCharsets.UTF_8));
        }
        return PresetFeatures.of(MilkPresetParser.parse(Files.readString(e.file(), StandardCharsets.ISO_8859_1)));
    }

    public static void main(String[] args) throws IOException {
        String engine = "projectm";
        Path status = null;
        Path presets = null;
        Path out = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--engine" -> engine = args[i + 1];
                case "--status" -> status = Path.of(args[i + 1]);
                case "--presets" -> presets = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (status == null || presets == null || out == null) {
            System.err.println("usage: PresetVectors --engine projectm|butterchurn --status FILE --presets DIR --out FILE");
            System.exit(2);
        }
        List<PresetLibrary.Entry> entries = engine.equals("butterchurn") ? ButterchurnPresets.scan(presets)
                : PresetLibrary.scan(PresetLibrary.resolveRoot(presets.toString()));
        int n = write(engine, entries, PresetLibrary.readStatus(new ObjectMapper(), status), out);
        System.out.printf("preset vectors (%s): %d of %d presets measured -> %s%n", PresetVector.VERSION, n,
                entries.size(), out);
    }
}
