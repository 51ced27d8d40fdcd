package dev.aivj.export.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivj.training.pack.PackPresets;
import dev.aivj.training.pack.PresetVerdict;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The pack's usable presets as entries of the page's projectM preset index ({@code {id, name, pack, url, md2,
 * status, look}}, as {@code /presets/projectm/index.json} lists the library's): {@code ./aivj serve --pack} adds
 * them to the index it serves, so the page and the widget can load the pack's pairs. Their URLs are under
 * {@code /packs/<pack>/}, where that server answers with the pack's own files.
 */
public final class PackPresetIndex {
    public static final String FORMAT = "aivj-pack-index-v1";

    private PackPresetIndex() {
    }

    /** The URL the server gives the pack's file at {@code relative}. */
    public static String url(String pack, String relative) {
        StringBuilder sb = new StringBuilder("/packs/").append(pack);
        for (String segment : relative.split("/")) {
            sb.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return sb.toString();
    }

    static void write(Path out, Path packDir, PackPresets presets, Map<String, PresetVerdict> verdicts,
            Map<String, JsonNode> status) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        root.put("pack", presets.pack());
        root.put("folder", packDir.toString());
        ArrayNode list = root.putArray("presets");
        for (PackPresets.Preset p : presets.presets()) {
            if (!verdicts.get(p.id()).usable()) {
                continue;
            }
            JsonNode st = status.get(p.measuredAs());
            String file = p.file().substring(p.file().lastIndexOf('/') + 1);
            ObjectNode o = list.addObject();
            o.put("id", p.id());
            o.put("name", file.replaceFirst("(?i)\\.milk$", ""));
            o.put("pack", presets.pack());
            o.put("url", url(presets.pack(), p.file()));
            o.put("md2", st.path("md2").asBoolean());
            ObjectNode s = o.putObject("status");
            s.put("loads", true).put("shadersCompile", true).put("nonBlank", true).put("frozen", false);
            o.set("look", st.get("look"));
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        json.writeValue(out.toFile(), root);
    }
}
