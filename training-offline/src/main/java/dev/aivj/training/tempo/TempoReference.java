package dev.aivj.training.tempo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One song of the tempo reference list ({@code tempo/tempo-references.csv}): where it is in the music cache and
 * its reference tempo with where that comes from.
 *
 * @param source  {@code chart} (a Frets on Fire chart's notes.mid tempo map) or {@code module} (a tracker
 *                module's header, rendered to audio by scripts/fetch-tempo-refs.sh)
 * @param pkg     the Debian package, a folder of the music cache
 * @param file    the song's path inside the package: the chart's song.ogg, or the module file
 * @param bpm     the reference tempo
 * @param origin  how the reference was read, for people
 */
public record TempoReference(String source, String pkg, String file, double bpm, String origin) {
    public static final String CHART = "chart";
    public static final String MODULE = "module";
    public static final String RESOURCE = "/tempo/tempo-references.csv";

    /** The audio to analyse: the chart's song, or the module's render. */
    public Path audio(Path musicDir) {
        return source.equals(MODULE) ? musicDir.resolve("derived/modules/" + pkg + "/" + file + ".flac")
                : musicDir.resolve(pkg + "/" + file);
    }

    /** The file the reference is read from: the chart's notes.mid, or the module. */
    public Path referenceFile(Path musicDir) {
        Path f = musicDir.resolve(pkg + "/" + file);
        return source.equals(MODULE) ? f : f.resolveSibling("notes.mid");
    }

    /** The last path element without its extension, e.g. "War of freedom" for a chart or "gd-ite" for a module. */
    public String name() {
        String[] parts = file.split("/");
        String last = parts[parts.length - 1];
        return source.equals(CHART) && parts.length > 1 ? parts[parts.length - 2] : last.replaceAll("\\.[^.]+$", "");
    }

    /** The committed list. */
    public static List<TempoReference> bundled() {
        try (InputStream in = TempoReference.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<TempoReference> read(Path csv) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return parse(r);
        }
    }

    /** CSV with a header line; '#' starts a comment line; the last field (origin) may contain commas. */
    static List<TempoReference> parse(BufferedReader r) throws IOException {
        List<TempoReference> refs = new ArrayList<>();
        boolean header = true;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] f = line.split(",", 5);
            if (f.length != 5 || !(f[0].equals(CHART) || f[0].equals(MODULE))) {
                throw new IOException("bad tempo reference line: " + line);
            }
            refs.add(new TempoReference(f[0], f[1], f[2], Double.parseDouble(f[3]), f[4]));
        }
        return refs;
    }

    /** The CSV line of this reference. */
    public String csv() {
        return String.format(Locale.ROOT, "%s,%s,%s,%.2f,%s", source, pkg, file, bpm, origin);
    }
}
