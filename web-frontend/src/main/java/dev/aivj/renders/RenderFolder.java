package dev.aivj.renders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivj.engine.mix.LayerMix;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A folder of golden renders: {@value #MANIFEST} (the settings, and per pair its presets, weights, mix and render
 * time) and one PNG per kept frame, {@code KEY/frame-030.png}. Pairs that did not render are listed with the reason.
 */
public final class RenderFolder {
    public static final String MANIFEST = "renders.json";
    static final String FORMAT = "aivj-golden-renders-v1";

    /** A rendered pair as the manifest lists it. */
    public record Entry(String key, String fg, String bg, double ws, double wt, double msPerFrame) {
    }

    private final Path dir;
    private final RenderSettings settings;
    private final Map<String, Entry> pairs;

    private RenderFolder(Path dir, RenderSettings settings, Map<String, Entry> pairs) {
        this.dir = dir;
        this.settings = settings;
        this.pairs = pairs;
    }

    /** @throws IOException when {@code dir} has no readable manifest */
    public static RenderFolder read(Path dir) throws IOException {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) throw new IOException(dir + " has no " + MANIFEST + " (not a golden-renders folder)");
        JsonNode root = new ObjectMapper().readTree(manifest.toFile());
        if (!FORMAT.equals(root.path("format").asText())) throw new IOException(manifest + ": not " + FORMAT);
        List<Integer> frames = new ArrayList<>();
        root.path("frames").forEach(k -> frames.add(k.asInt()));
        RenderSettings settings = new RenderSettings(root.path("width").asInt(), root.path("height").asInt(), frames);
        Map<String, Entry> pairs = new LinkedHashMap<>();
        for (JsonNode p : root.path("pairs")) {
            Entry e = new Entry(p.path("key").asText(), p.path("fg").asText(), p.path("bg").asText(),
                    p.path("w_s").asDouble(), p.path("w_t").asDouble(), p.path("msPerFrame").asDouble());
            pairs.put(e.key(), e);
        }
        return new RenderFolder(dir, settings, pairs);
    }

    public RenderSettings settings() {
        return settings;
    }

    /** The rendered pairs by key, in the order they were rendered. */
    public Map<String, Entry> pairs() {
        return pairs;
    }

    /** The kept frames of a pair, in the order of the settings' frames. @throws IOException when one is missing */
    public List<BufferedImage> frames(String key) throws IOException {
        List<BufferedImage> out = new ArrayList<>();
        for (int k : settings.frames()) {
            Path png = framePath(dir, key, k);
            if (!Files.isRegularFile(png)) throw new IOException(png + " is missing");
            out.add(ImageIO.read(png.toFile()));
        }
        return out;
    }

    static Path framePath(Path dir, String key, int frame) {
        return dir.resolve(key).resolve(String.format("frame-%03d.png", frame));
    }

    /** Writes a pair's frames; the manifest is written by {@link #writeManifest}. */
    static void writeFrames(Path dir, String key, RenderSettings settings, List<BufferedImage> frames) throws IOException {
        Files.createDirectories(dir.resolve(key));
        for (int i = 0; i < frames.size(); i++) {
            ImageIO.write(frames.get(i), "png", framePath(dir, key, settings.frames().get(i)).toFile());
        }
    }

    /** Writes the manifest: the settings, the pairs rendered and those that failed with why. */
    static void writeManifest(Path dir, RenderSettings settings, List<Entry> rendered, Map<GoldenPair, String> failed)
            throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("width", settings.width());
        root.put("height", settings.height());
        ArrayNode frames = root.putArray("frames");
        settings.frames().forEach(frames::add);
        root.put("fps", 60);
        root.put("audio", "/presets/look-reference.flac, 735 samples a frame from its start");
        root.put("clock", "fixed: frame k drawn at k/60 s, rand() seeded fixed (ProjectMLayer.setFrameTime)");
        ArrayNode pairs = root.putArray("pairs");
        for (Entry e : rendered) {
            LayerMix mix = LayerMix.of(e.ws(), e.wt());
            ObjectNode p = pairs.addObject();
            p.put("key", e.key());
            p.put("fg", e.fg());
            p.put("bg", e.bg());
            p.put("w_s", e.ws());
            p.put("w_t", e.wt());
            p.putObject("mix").put("blendMode", mix.blendMode()).put("fgOpacity", mix.fgOpacity())
                    .put("bgOpacity", mix.bgOpacity());
            p.put("msPerFrame", Math.round(e.msPerFrame() * 10) / 10.0);
        }
        ArrayNode failures = root.putArray("failed");
        failed.forEach((pair, why) -> failures.addObject().put("key", pair.key()).put("fg", pair.fg())
                .put("bg", pair.bg()).put("error", why));
        Files.createDirectories(dir);
        mapper.writeValue(dir.resolve(MANIFEST).toFile(), root);
    }
}
