package dev.aivj.presets;

import dev.aivj.engine.looks.MeasuredLook;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Preview thumbnails of presets from the frames the preset checker kept ({@link PresetFrames}, written by
 * {@code ./aivj check-presets} for every preset it renders): the last kept frame, the preset built up on the
 * reference music, as PNG. Nothing is rendered here: a preset the checker has not rendered on this machine has no
 * thumbnail. When the checker ran with several projectM builds, the newest folder holding the preset wins.
 */
public final class PresetThumbnails {
    private final Path framesDir;
    private final String engine;

    /** @param framesDir the checker's frames folder ({@code $AIVJ_CACHE/preset-frames}) */
    public PresetThumbnails(Path framesDir, String engine) {
        this.framesDir = framesDir;
        this.engine = engine;
    }

    /** The checker's frames folder in the cache. */
    public static Path defaultFramesDir() {
        return PresetLibrary.cacheDir().resolve("preset-frames");
    }

    /** The checker's folders for this engine and look version, newest first. */
    private List<Path> runs() throws IOException {
        if (!Files.isDirectory(framesDir)) {
            return List.of();
        }
        String suffix = "-look" + MeasuredLook.LOOK_VERSION;
        try (Stream<Path> s = Files.list(framesDir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return Files.isDirectory(p) && n.startsWith(engine + "-") && n.endsWith(suffix);
            }).sorted(Comparator.comparing((Path p) -> p.toFile().lastModified()).reversed()).toList();
        }
    }

    /** The kept frames of {@code pack/slug}, if the checker rendered it. */
    public Optional<Path> framesOf(String pack, String slug) throws IOException {
        for (Path run : runs()) {
            Path f = run.resolve(pack).resolve(slug + ".frames.gz");
            if (Files.isRegularFile(f)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The ids ({@code pack/slug}) of every preset with kept frames, sorted. */
    public List<String> ids() throws IOException {
        TreeSet<String> out = new TreeSet<>();
        for (Path run : runs()) {
            try (Stream<Path> s = Files.walk(run, 2)) {
                s.filter(p -> p.getFileName().toString().endsWith(".frames.gz") && p.getNameCount() > run.getNameCount() + 1)
                        .forEach(p -> {
                            String f = p.getFileName().toString();
                            out.add(p.getParent().getFileName() + "/" + f.substring(0, f.length() - ".frames.gz".length()));
                        });
            }
        }
        return new ArrayList<>(out);
    }

    /** The last kept frame of a frame file as PNG. */
    public static byte[] png(PresetFrames frames) throws IOException {
        if (frames.count() == 0) {
            throw new IOException("no frames kept");
        }
        int w = frames.width();
        int h = frames.height();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int base = (frames.count() - 1) * frames.frameBytes();
        byte[] rgb = frames.rgb();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = base + (y * w + x) * 3;
                image.setRGB(x, y, (rgb[i] & 0xff) << 16 | (rgb[i + 1] & 0xff) << 8 | (rgb[i + 2] & 0xff));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
