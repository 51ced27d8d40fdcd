package dev.aivj.training.pack;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the file a pair row names, inside the pack. The team's rows name presets as the web player's URLs
 * ({@code /presets/<pack>/fg/x.milk}), as paths relative to the pack ({@code fg/x.milk}), as absolute paths (the
 * refinery scan) or by bare file name: the reference is tried as a path relative to the pack, then with its leading
 * segments dropped one by one ({@code presets/<pack>/fg/x.milk}, {@code <pack>/fg/x.milk}, {@code fg/x.milk}), a bare
 * name also in the layer's folder ({@code fg/} or {@code bg/}), each also with {@code .milk} added. A reference that
 * leads outside the pack is refused; one that names no file is missing.
 */
public final class PackPresetResolver {
    /** The file, or why there is none. */
    public record Resolved(Path file, String problem) {
    }

    private final Path pack;

    public PackPresetResolver(Path pack) {
        this.pack = pack.toAbsolutePath().normalize();
    }

    /** Resolves {@code ref}, the {@code layer} ("fg" or "bg") preset of a row. */
    public Resolved resolve(String ref, String layer) {
        String r = ref.strip();
        r = r.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", ""); // http://host/presets/... → /presets/...
        int cut = indexOfAny(r, '?', '#');
        if (cut >= 0) {
            r = r.substring(0, cut);
        }
        if (r.contains("%")) {
            try {
                r = URLDecoder.decode(r.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // not URL-encoded after all: take it as it is
            }
        }
        r = r.replace('\\', '/');
        try {
            Path asGiven = Path.of(r);
            if (asGiven.isAbsolute()) {
                Path abs = asGiven.normalize();
                if (abs.startsWith(pack)) {
                    return Files.isRegularFile(abs) ? new Resolved(abs, null)
                            : new Resolved(null, "missing file " + abs);
                }
            }
        } catch (InvalidPathException e) {
            return new Resolved(null, "not a usable path: \"" + ref + "\"");
        }
        String[] segments = r.replaceFirst("^/+", "").split("/+");
        if (java.util.Arrays.asList(segments).contains("..")) {
            return new Resolved(null, "leads outside the pack: \"" + ref + "\"");
        }
        List<String> candidates = new ArrayList<>();
        for (int k = 0; k < segments.length; k++) {
            candidates.add(String.join("/", java.util.Arrays.copyOfRange(segments, k, segments.length)));
        }
        if (segments.length == 1) {
            candidates.add(layer + "/" + segments[0]);
        }
        for (String c : candidates) {
            for (String name : c.toLowerCase(Locale.ROOT).endsWith(".milk") ? List.of(c) : List.of(c, c + ".milk")) {
                Path p;
                try {
                    p = pack.resolve(name).normalize();
                } catch (InvalidPathException e) {
                    continue;
                }
                if (!p.startsWith(pack)) {
                    continue;
                }
                if (Files.isRegularFile(p)) {
                    return new Resolved(p, null);
                }
            }
        }
        return new Resolved(null, "missing file: \"" + ref + "\" names no file in the pack");
    }

    /** The file's path inside the pack, with {@code /}. */
    public String relative(Path file) {
        return pack.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
