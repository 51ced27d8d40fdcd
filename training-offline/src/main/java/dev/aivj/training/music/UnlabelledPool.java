package dev.aivj.training.music;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The unlabelled music pool ({@value #RESOURCE}, written by {@code scripts/unlabelled-pool.py}): music from the
 * corpus packages that states no style. The teacher pseudo-labels it; nothing here is a label.
 */
public final class UnlabelledPool {
    public static final String RESOURCE = "/corpus/unlabelled-pool.csv";

    /** One pool track: its Debian package and its audio file, relative to the corpus folder. */
    public record Track(String packageName, String audio) {
    }

    private UnlabelledPool() {
    }

    /** The bundled pool list. */
    public static List<Track> bundled() throws IOException {
        try (InputStream in = UnlabelledPool.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("missing class-path resource " + RESOURCE);
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), RESOURCE);
        }
    }

    public static List<Track> read(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file)) {
            return read(r, file.toString());
        }
    }

    private static List<Track> read(BufferedReader r, String source) throws IOException {
        List<Track> out = new ArrayList<>();
        String line;
        int n = 0;
        boolean header = false;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!line.equals("package,audio,duration_s")) {
                    throw new IOException(source + ":" + n + ": expected the header package,audio,duration_s");
                }
                header = true;
                continue;
            }
            // The audio path may contain commas: the package is the first field, the duration the last.
            int first = line.indexOf(',');
            int last = line.lastIndexOf(',');
            if (first <= 0 || last <= first + 1) {
                throw new IOException(source + ":" + n + ": expected package,audio,duration_s");
            }
            String audio = line.substring(first + 1, last);
            if (audio.startsWith("\"") && audio.endsWith("\"")) {
                audio = audio.substring(1, audio.length() - 1).replace("\"\"", "\"");
            }
            if (!audio.startsWith(line.substring(0, first) + "/")) {
                throw new IOException(source + ":" + n + ": audio " + audio + " is not inside its package folder");
            }
            out.add(new Track(line.substring(0, first), audio));
        }
        return out;
    }
}
