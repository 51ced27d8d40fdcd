package dev.aivj.presets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The presets of the npm package butterchurn-presets (its {@code presets/converted/*.json}) as library entries of
 * pack {@value #PACK}, with stable URL-safe slugs made like the projectM library's.
 */
public final class ButterchurnPresets {
    public static final String PACK = "butterchurn";
    public static final String SOURCE = "npm butterchurn-presets 2.4.7";
    /** A converted MilkDrop 2 preset carries its warp or comp shader as GLSL text. */
    private static final Pattern SHADER = Pattern.compile("\"(warp|comp)\"\\s*:\\s*\"[^\"]");

    private ButterchurnPresets() {
    }

    /** The folder holding the JSON presets: {@code dir} itself or {@code dir/presets/converted}. */
    public static Path convertedDir(Path dir) {
        Path nested = dir.resolve("presets/converted");
        return Files.isDirectory(nested) ? nested : dir;
    }

    public static List<PresetLibrary.Entry> scan(Path dir) throws IOException {
        Path converted = convertedDir(dir);
        if (!Files.isDirectory(converted)) {
            throw new IOException("no butterchurn presets in " + dir + " (run ./aivj build: npm installs them)");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(converted)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
        // Colliding slugs (e.g. "$$$ Royal - Mashup (160)" and "??? Royal - Mashup (160)") all get a hash of
        // their name, so a slug does not depend on which file came first.
        Map<String, Integer> count = new HashMap<>();
        for (Path f : files) {
            count.merge(PresetLibrary.slug(name(f)), 1, Integer::sum);
        }
        List<PresetLibrary.Entry> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Path f : files) {
            String name = name(f);
            String slug = PresetLibrary.slug(name);
            if (slug.isEmpty() || count.get(slug) > 1) {
                slug = (slug.isEmpty() ? "" : slug + "-") + PresetLibrary.shortHash(name);
            }
            while (!used.add(slug)) {
                slug = slug + "-" + PresetLibrary.shortHash(slug);
            }
            String text = Files.readString(f, StandardCharsets.UTF_8);
            out.add(new PresetLibrary.Entry(PACK, slug, name, f, SHADER.matcher(text).find()));
        }
        out.sort(Comparator.comparing(PresetLibrary.Entry::id));
        return out;
    }

    private static String name(Path f) {
        String fn = f.getFileName().toString();
        return fn.substring(0, fn.length() - ".json".length());
    }
}
