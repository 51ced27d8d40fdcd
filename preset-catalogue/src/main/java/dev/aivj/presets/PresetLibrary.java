package dev.aivj.presets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivj.engine.looks.MeasuredLook;
import dev.aivj.engine.recommend.LookPercentiles;
import dev.aivj.engine.recommend.LookSpace;
import dev.aivj.engine.recommend.StyleAffinity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The projectM preset library served by the app: scans Debian's projectm-data
 * ({@code usr/share/projectM/presets/<pack>/*.milk}), gives every preset a stable, URL-safe slug,
 * copies the files to {@code <out>/<pack>/<slug>.milk} and writes {@code <out>/index.json},
 * merging the per-preset status of {@code preset-status.json} (see {@link PresetChecker}).
 *
 * <p>Build-time tool (preset-catalogue's process-classes phase):
 * {@code PresetLibrary <projectm-data root> <out dir> <status file> [optional|required]}.
 */
public final class PresetLibrary {

    public static final String SOURCE = "Debian projectm-data 3.1.12";
    /** Relative location of the packs inside an extracted projectm-data package. */
    public static final String PACKS_SUBDIR = "usr/share/projectM/presets";

    private static final Pattern SHADER_LINE = Pattern.compile("^\\s*(warp|comp)_\\d+\\s*=", Pattern.MULTILINE);

    /** One preset of the library. */
    public record Entry(String pack, String slug, String name, Path file, boolean md2) {
        public String id() {
            return pack + "/" + slug;
        }

        public String url() {
            return "/presets/projectm/" + pack + "/" + slug + ".milk";
        }

        /** The author by MilkDrop's naming convention "Author - Title"; null for a name without " - ". */
        public String author() {
            int dash = name.indexOf(" - ");
            return dash > 0 ? name.substring(0, dash).trim() : null;
        }
    }

    private PresetLibrary() {
    }

    /** The folder holding the packs: {@code root} itself or {@code root/usr/share/projectM/presets}. */
    public static Path packsDir(Path root) {
        Path nested = root.resolve(PACKS_SUBDIR);
        return Files.isDirectory(nested) ? nested : root;
    }

    /** All presets under {@code root}, sorted by id. Slugs are unique per pack and stable. */
    public static List<Entry> scan(Path root) throws IOException {
        Path packs = packsDir(root);
        List<Entry> out = new ArrayList<>();
        List<Path> packDirs;
        try (Stream<Path> s = Files.list(packs)) {
            packDirs = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path packDir : packDirs) {
            String pack = packDir.getFileName().toString(); // e.g. presets_milkdrop_200: already URL-safe
            if (!pack.matches("[A-Za-z0-9_-]+")) {
                pack = slug(pack);
            }
            List<Path> files;
            try (Stream<Path> s = Files.list(packDir)) {
                files = s.filter(p -> Files.isRegularFile(p)
                                && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".milk"))
                        .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                        .toList();
            }
            // Slugs colliding inside a pack all get a hash of their original name: independent of order.
            Map<String, Integer> count = new HashMap<>();
            List<String> names = new ArrayList<>();
            for (Path f : files) {
                String fn = f.getFileName().toString();
                String name = fn.substring(0, fn.length() - ".milk".length());
                names.add(name);
                count.merge(slug(name), 1, Integer::sum);
            }
            Set<String> used = new HashSet<>();
            for (int i = 0; i < files.size(); i++) {
                String name = names.get(i);
                String base = slug(name);
                String s = count.get(base) > 1 || base.isEmpty() ? join(base, shortHash(name)) : base;
                while (!used.add(s)) { // pathological: the hashed slug collides too
                    s = join(s, shortHash(s));
                }
                String text = Files.readString(files.get(i), StandardCharsets.ISO_8859_1);
                out.add(new Entry(pack, s, name, files.get(i), SHADER_LINE.matcher(text).find()));
            }
        }
        out.sort(Comparator.comparing(Entry::id));
        return out;
    }

    /**
     * An entry for a preset file outside projectm-data (a pack's), with the pack and slug that make its id; whether
     * it is MilkDrop 2 is read from the file as {@link #scan} does.
     */
    public static Entry entry(String pack, String slug, Path file) throws IOException {
        String fn = file.getFileName().toString();
        String name = fn.toLowerCase(Locale.ROOT).endsWith(".milk") ? fn.substring(0, fn.length() - 5) : fn;
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        return new Entry(pack, slug, name, file, SHADER_LINE.matcher(text).find());
    }

    /** Lower-case ASCII letters, digits and single dashes; accents stripped, '&amp;' becomes "and". */
    public static String slug(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        s = s.replace("&", " and ").replace("+", " plus ").replace("@", " at ");
        s = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 80) {
            s = s.substring(0, 80).replaceAll("-+$", "");
        }
        return s;
    }

    private static String join(String base, String hash) {
        return base.isEmpty() ? hash : base + "-" + hash;
    }

    /** First 6 hex digits of the SHA-1 of the text (UTF-8). */
    public static String shortHash(String text) {
        return sha1(text.getBytes(StandardCharsets.UTF_8)).substring(0, 6);
    }

    static String sha1(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(bytes);
            StringBuilder sb = new StringBuilder();
            for (byte b : d) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the presets (only those changed) and writes index.json; returns the index. */
    public static ObjectNode writeLibrary(List<Entry> entries, Path outDir, Path statusFile) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, JsonNode> status = readStatus(mapper, statusFile);
        Files.createDirectories(outDir);
        ObjectNode index = mapper.createObjectNode();
        index.put("version", 1);
        index.put("source", SOURCE);
        // The measured look of a preset (when measured with the current look version), slot names in order.
        index.put("lookVersion", MeasuredLook.LOOK_VERSION);
        ArrayNode lookNames = index.putArray("lookNames");
        for (String n : MeasuredLook.names()) {
            lookNames.add(n);
        }
        // Each measured preset's place in the engine's look space and its affinity to each style prototype, computed
        // here by the engine's own code so that the page's preset browser filters on what the recommender uses.
        ArrayNode axesNames = index.putArray("lookAxes");
        for (String a : LookSpace.AXES) {
            axesNames.add(a);
        }
        ArrayNode styles = index.putArray("styles");
        for (String st : StyleAffinity.STYLES) {
            styles.add(st);
        }
        Map<String, float[]> looks = measuredLooks(status);
        LookPercentiles percentiles = new LookPercentiles(new ArrayList<>(looks.values()));
        ArrayNode list = index.putArray("presets");
        int copied = 0;
        for (Entry e : entries) {
            Path target = outDir.resolve(e.pack()).resolve(e.slug() + ".milk");
            if (copyIfChanged(e.file(), target)) {
                copied++;
            }
            ObjectNode p = list.addObject();
            p.put("id", e.id());
            p.put("name", e.name());
            p.put("pack", e.pack());
            p.put("url", e.url());
            p.put("md2", e.md2());
            if (e.author() != null) {
                p.put("author", e.author());
            }
            float[] look = looks.get(e.id());
            if (look != null && LookPercentiles.usable(look)) {
                double[] axes = percentiles.axes(look);
                ArrayNode ax = p.putArray("axes");
                for (double v : axes) {
                    ax.add(round4(v));
                }
                ArrayNode aff = p.putArray("affinity");
                for (String style : StyleAffinity.STYLES) {
                    aff.add(round4(StyleAffinity.toStyle(axes, style)));
                }
            }
            JsonNode st = status.get(e.id());
            if (st != null && st.has("loads")) {
                ObjectNode s = p.putObject("status");
                s.put("loads", st.path("loads").asBoolean());
                s.put("shadersCompile", st.path("shadersCompile").asBoolean());
                s.put("nonBlank", st.path("nonBlank").asBoolean());
                if (st.has("frozen")) {
                    s.put("frozen", st.path("frozen").asBoolean());
                }
                if (st.path("lookVersion").asInt() == MeasuredLook.LOOK_VERSION && st.has("look")) {
                    p.set("look", st.get("look"));
                }
            } else {
                p.putNull("status");
            }
        }
        byte[] json = mapper.writeValueAsBytes(index);
        Path indexFile = outDir.resolve("index.json");
        if (!Files.exists(indexFile) || !java.util.Arrays.equals(Files.readAllBytes(indexFile), json)) {
            Files.write(indexFile, json);
        }
        int vectors = PresetVectors.write("projectm", entries, status, outDir.resolve("vectors.json"));
        String build = statusFile != null && Files.isRegularFile(statusFile)
                ? mapper.readTree(statusFile.toFile()).path("build").asText("") : "";
        long older = status.values().stream().filter(v -> !build.equals(v.path("build").asText())).count();
        System.out.printf("preset library: %d presets (%d MilkDrop 2), %d copied, %d with status, %d with a "
                        + "measured look%s -> %s%n",
                entries.size(), entries.stream().filter(Entry::md2).count(), copied,
                entries.stream().filter(e -> status.containsKey(e.id())).count(), vectors,
                older == 0 ? "" : " (" + older + " checked with an older projectM build than " + build + ")", indexFile);
        return index;
    }

    /** The measured looks (current look version) of a status map, by preset id. */
    static Map<String, float[]> measuredLooks(Map<String, JsonNode> status) {
        Map<String, float[]> out = new LinkedHashMap<>();
        status.forEach((id, st) -> {
            JsonNode l = st.path("look");
            if (st.path("lookVersion").asInt() == MeasuredLook.LOOK_VERSION && l.isArray()
                    && l.size() == MeasuredLook.LENGTH) {
                float[] v = new float[l.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) l.get(i).asDouble();
                }
                out.put(id, v);
            }
        });
        return out;
    }

    private static double round4(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    /** The "presets" object of a status file (id to result), empty when the file is missing. */
    public static Map<String, JsonNode> readStatus(ObjectMapper mapper, Path statusFile) throws IOException {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (statusFile == null || !Files.isRegularFile(statusFile)) {
            return out;
        }
        JsonNode presets = mapper.readTree(statusFile.toFile()).path("presets");
        presets.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue()));
        return out;
    }

    private static boolean copyIfChanged(Path src, Path dst) throws IOException {
        if (Files.isRegularFile(dst) && Files.size(dst) == Files.size(src)
                && Files.getLastModifiedTime(dst).equals(Files.getLastModifiedTime(src))) {
            return false;
        }
        Files.createDirectories(dst.getParent());
        Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
        FileTime t = Files.getLastModifiedTime(src);
        Files.setLastModifiedTime(dst, t);
        return true;
    }

    /**
     * The projectm-data root: {@code dir} (or {@code dir/projectm-data}) when given, else
     * {@code $AIVJ_CACHE/presets/projectm-data} (default cache ~/.cache/aivj), where scripts/fetch-presets.sh puts it.
     */
    public static Path resolveRoot(String dir) {
        Path base;
        if (dir == null || dir.isBlank()) {
            base = cacheDir().resolve("presets");
        } else {
            base = Path.of(dir);
        }
        Path nested = base.resolve("projectm-data");
        return Files.isDirectory(nested) ? nested : base;
    }

    /** The download and build cache: {@code $AIVJ_CACHE}, else {@code ~/.cache/aivj}. */
    public static Path cacheDir() {
        String c = System.getenv("AIVJ_CACHE");
        return c != null && !c.isBlank() ? Path.of(c) : Path.of(System.getProperty("user.home"), ".cache/aivj");
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: PresetLibrary <projectm-data root> <out dir> <status file> [optional|required]");
            System.exit(2);
        }
        Path root = resolveRoot(args[0]);
        Path out = Path.of(args[1]);
        Path status = Path.of(args[2]);
        boolean required = args.length > 3 && args[3].equals("required");
        if (!Files.isDirectory(packsDir(root))) {
            String msg = "preset library: no presets at " + root + " (scripts/fetch-presets.sh failed?)";
            if (required) {
                throw new IOException(msg);
            }
            System.err.println(msg + "; writing an empty index");
            writeLibrary(List.of(), out, status);
            return;
        }
        try {
            writeLibrary(scan(root), out, status);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
