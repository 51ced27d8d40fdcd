package dev.aivj.training.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The presets of an imported pack ({@code aivj-import/presets.json}): each preset file a pair names, by id
 * ({@code <pack>/<path in the pack without .milk>}), with its file inside the pack, the SHA-256 of its bytes, the
 * id whose measurement it shares ({@code measuredAs}: files with identical bytes are rendered once) and, for a file
 * not worth rendering, its problem.
 */
public record PackPresets(String pack, List<Preset> presets) {
    public static final String FORMAT = "aivj-pack-presets-v1";

    /** One preset file of the pack. */
    public record Preset(String id, String file, String sha256, String measuredAs, String problem) {
    }

    public PackPresets {
        presets = List.copyOf(presets);
    }

    /** The id of a file at {@code relative} (with {@code /}) inside a pack named {@code pack}. */
    public static String id(String pack, String relative) {
        String r = relative.toLowerCase(java.util.Locale.ROOT).endsWith(".milk")
                ? relative.substring(0, relative.length() - 5) : relative;
        return pack + "/" + r;
    }

    /** A pack's name as ids and URLs carry it: the folder's name, letters, digits, _ and - only. */
    public static String packName(Path packDir) {
        Path name = packDir.toAbsolutePath().normalize().getFileName();
        String s = (name == null ? "pack" : name.toString()).replaceAll("[^A-Za-z0-9_-]+", "_");
        return s.isEmpty() ? "pack" : s;
    }

    public Map<String, Preset> byId() {
        Map<String, Preset> m = new LinkedHashMap<>();
        presets.forEach(p -> m.put(p.id(), p));
        return Collections.unmodifiableMap(m);
    }

    public void write(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        root.put("pack", pack);
        ArrayNode list = root.putArray("presets");
        for (Preset p : presets) {
            ObjectNode o = list.addObject().put("id", p.id()).put("file", p.file());
            if (p.sha256() != null) {
                o.put("sha256", p.sha256());
            }
            if (p.measuredAs() != null) {
                o.put("measuredAs", p.measuredAs());
            }
            if (p.problem() != null) {
                o.put("problem", p.problem());
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        json.writeValue(tmp.toFile(), root);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads the file; an IOException naming it when it is not one. */
    public static PackPresets read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": missing (run ./aivj import-pack on the pack first)");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON (line " + (e.getLocation() == null ? 0
                    : e.getLocation().getLineNr()) + "): " + e.getOriginalMessage());
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IOException(file + ": not a " + FORMAT + " file");
        }
        List<Preset> out = new ArrayList<>();
        for (JsonNode p : root.path("presets")) {
            out.add(new Preset(p.path("id").asText(), p.path("file").asText(), text(p, "sha256"),
                    text(p, "measuredAs"), text(p, "problem")));
        }
        return new PackPresets(root.path("pack").asText(), out);
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
