package dev.aivj.renders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the pairs to render from a pair library file ({@code aivj-pair-library-v1}, {@code ./aivj export-library}). */
public final class GoldenPairs {
    private static final String PRESET_URL_PREFIX = "/presets/projectm/";

    private GoldenPairs() {
    }

    /** The library's first {@code limit} pairs, in its order. @throws IOException when the file is not a pair library */
    public static List<GoldenPair> read(Path library, int limit) throws IOException {
        JsonNode pairs = new ObjectMapper().readTree(library.toFile()).path("pairs");
        if (!pairs.isArray()) throw new IOException(library + ": no \"pairs\" array (not a pair library)");
        List<GoldenPair> out = new ArrayList<>();
        for (JsonNode p : pairs) {
            if (out.size() >= limit) break;
            String fg = text(p, "fg", library);
            String bg = text(p, "bg", library);
            out.add(new GoldenPair(fg, bg, p.path("fgUrl").asText(presetUrl(fg)), p.path("bgUrl").asText(presetUrl(bg)),
                    number(p, "w_s", library), number(p, "w_t", library)));
        }
        return out;
    }

    /** Where the app serves a projectM library preset. */
    public static String presetUrl(String id) {
        return PRESET_URL_PREFIX + id + ".milk";
    }

    private static String text(JsonNode pair, String field, Path library) throws IOException {
        JsonNode v = pair.path(field);
        if (!v.isTextual() || v.asText().isEmpty()) throw new IOException(library + ": a pair without \"" + field + "\"");
        return v.asText();
    }

    private static double number(JsonNode pair, String field, Path library) throws IOException {
        JsonNode v = pair.path(field);
        if (!v.isNumber()) {
            throw new IOException(library + ": a pair without a number \"" + field + "\" (its mix needs the coupling"
                    + " weights: give a pair library, ./aivj export-library)");
        }
        return v.asDouble();
    }
}
