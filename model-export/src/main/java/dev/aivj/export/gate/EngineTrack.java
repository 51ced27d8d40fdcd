package dev.aivj.export.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivj.audioio.AudioFileDecoder;
import dev.aivj.audioio.DecodedAudio;
import dev.aivj.engine.Engine;
import dev.aivj.engine.model.MusicModel;
import dev.aivj.engine.plan.PlanJson;
import dev.aivj.engine.recommend.PairLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The engine's side of the dual track: the shipped music model, pair library and engine plan fixed songs, and what
 * reaches the layers is compared with a recorded plan ({@code data/regression/engine-reference.json}): every
 * segment's visual parameters within {@value #VISUAL_TOLERANCE} relative, and section, segment and beat times and
 * transition times within one video frame ({@value #FRAME_SECONDS} s); styles and pairs identical.
 */
public final class EngineTrack {
    public static final Path DEFAULT_REFERENCE = Path.of("data/regression/engine-reference.json");
    public static final double VISUAL_TOLERANCE = 0.005;
    public static final double FRAME_SECONDS = 1.0 / 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    private EngineTrack() {
    }

    /** The shipped engine: music model and pair library from the web build's folder. */
    public static Engine shippedEngine(Path web) throws IOException {
        Path model = web.resolve("models/music-v1");
        return Engine.bare().withModel(MusicModel.load(Files.readString(model.resolve("manifest.json")),
                Files.readAllBytes(model.resolve("weights.bin"))))
                .withLibrary(PairLibrary.parse(Files.readString(web.resolve("pairs/pair-library.json"))));
    }

    /**
     * What the layers get from one song's plan: tempo, beats, the song's style, segments (style, times, visual),
     * pairs (ids, times, mix).
     */
    public static ObjectNode plan(Engine engine, Path song) throws IOException {
        DecodedAudio audio;
        try {
            audio = AudioFileDecoder.decode(song);
        } catch (dev.aivj.audioio.AudioDecodeException e) {
            throw new IOException(song + ": " + e.getMessage(), e);
        }
        JsonNode full = JSON.readTree(PlanJson.write(engine.analyze(audio.interleaved(), audio.channels(),
                audio.sampleRate()), false));
        ObjectNode out = JSON.createObjectNode();
        out.set("bpm", full.path("tempo").path("bpm"));
        out.set("style", full.path("style").path("label"));
        out.set("beats", full.path("beats"));
        ArrayNode segments = out.putArray("segments");
        for (JsonNode s : full.path("segments")) {
            segments.addObject().put("style", s.path("style").asText()).put("start", s.path("start").asDouble())
                    .put("end", s.path("end").asDouble()).set("visual", s.path("visual"));
        }
        ArrayNode pairs = out.putArray("pairs");
        for (JsonNode p : full.path("pairs")) {
            pairs.addObject().put("fg", p.path("fg").asText()).put("bg", p.path("bg").asText())
                    .put("start", p.path("start").asDouble()).put("end", p.path("end").asDouble()).set("mix", p.path("mix"));
        }
        return out;
    }

    public static void record(Path file, Map<String, ObjectNode> plans) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        plans.forEach(root.putObject("songs")::set);
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), root);
    }

    public static JsonNode reference(Path file, String song) throws IOException {
        JsonNode s = JSON.readTree(file.toFile()).path("songs").get(song);
        if (s == null) {
            throw new IOException(file + " has no recorded plan of " + song);
        }
        return s;
    }

    /** Every difference beyond the tolerances, as "path: reference → now" lines; empty when the tracks agree. */
    public static List<String> differences(JsonNode reference, JsonNode now) {
        List<String> out = new ArrayList<>();
        compare("", reference, now, out);
        return out;
    }

    private static void compare(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a.isObject() && b.isObject()) {
            for (Iterator<String> names = a.fieldNames(); names.hasNext(); ) {
                String n = names.next();
                compare(path + "." + n, a.get(n), b.path(n), out);
            }
        } else if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                out.add(String.format(Locale.ROOT, "%s: %d items → %d", path, a.size(), b.size()));
                return;
            }
            for (int i = 0; i < a.size(); i++) {
                compare(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
        } else if (a.isNumber() && b.isNumber()) {
            double x = a.asDouble();
            double y = b.asDouble();
            boolean time = path.endsWith(".start") || path.endsWith(".end") || path.startsWith(".beats")
                    || path.endsWith("Seconds");
            boolean ok = time ? Math.abs(x - y) < FRAME_SECONDS : DualTrack.relative(x, y) < VISUAL_TOLERANCE;
            if (!ok) {
                out.add(String.format(Locale.ROOT, "%s: %s → %s", path, x, y));
            }
        } else if (!a.equals(b)) {
            out.add(path + ": " + a + " → " + b);
        }
    }
}
