package dev.aivj.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The model bundles of one kind (e.g. {@code coupling}) under {@code <root>/<kind>/}: a folder per version with the
 * bundle's files and the gate's {@code gate.json}, {@code versions.csv}, {@code LATEST} (the version the server
 * serves) and {@code events.csv} (every promotion and rollback, with its reason). Every change takes a file lock and
 * replaces files atomically, so the CLI and a running server can both change it.
 */
public final class ModelRegistry {
    public static final String LATEST = "LATEST";
    public static final String GATE_FILE = "gate.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    public ModelRegistry(Path root, String kind) {
        this.dir = root.resolve(kind);
    }

    /** Where a registry lives unless told: {@code $AIVJ_REGISTRY}, else {@code ~/.local/share/aivj/registry}. */
    public static Path defaultRoot() {
        String env = System.getenv("AIVJ_REGISTRY");
        return env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".local", "share", "aivj", "registry");
    }

    public Path dir() {
        return dir;
    }

    public Path bundle(String version) {
        return dir.resolve(version);
    }

    public List<VersionRow> versions() throws IOException {
        return VersionsCsv.read(dir.resolve("versions.csv"));
    }

    public Optional<VersionRow> version(String version) throws IOException {
        return versions().stream().filter(r -> r.version().equals(version)).findFirst();
    }

    /** The version the server serves, if any was promoted. */
    public Optional<String> latest() throws IOException {
        Path f = dir.resolve(LATEST);
        return Files.exists(f) ? Optional.of(Files.readString(f, StandardCharsets.UTF_8).trim()) : Optional.empty();
    }

    /** Copies a bundle folder in as a new candidate version; returns its id. */
    public String register(Path bundleDir, String dataSha256, String command) throws IOException {
        if (!Files.isRegularFile(bundleDir.resolve("manifest.json"))) {
            throw new IOException(bundleDir + " is not a model bundle (no manifest.json)");
        }
        String modelSha = hashOf(bundleDir);
        String version = "v" + Instant.now().getEpochSecond() + "_" + modelSha.substring(0, 4);
        return locked(() -> {
            Path target = bundle(version);
            if (Files.exists(target)) {
                throw new IOException("version " + version + " exists already (the same bundle registered twice within a second)");
            }
            Path tmp = dir.resolve("." + version + ".tmp");
            Files.createDirectories(tmp);
            try (Stream<Path> files = Files.list(bundleDir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, tmp.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(tmp, target);
            List<VersionRow> rows = versions();
            rows.add(new VersionRow(version, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), "candidate",
                    dataSha256, modelSha, command, null));
            writeVersions(rows);
            return version;
        });
    }

    /** Keeps the gate's figures with a version; a refused gate marks it {@code refused}. */
    public void recordGate(String version, GateFigures gate) throws IOException {
        locked(() -> {
            replaceAtomically(bundle(version).resolve(GATE_FILE), JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(new GateJson(version, gate.goldenPassed(), gate.goldenTotal(),
                            gate.goldenPassRate(), gate.driftKl(), gate.latencyP95Ms(), gate.latencyP99Ms(),
                            gate.refusals())));
            List<VersionRow> rows = new ArrayList<>();
            for (VersionRow r : versions()) {
                rows.add(r.version().equals(version) ? r.withGate(gate).withStatus(gate.passed() ? r.status() : "refused") : r);
            }
            writeVersions(rows);
            return null;
        });
    }

    /** The gate's figures of a version, as {@code gate.json} holds them. */
    public Optional<GateJson> gate(String version) throws IOException {
        Path f = bundle(version).resolve(GATE_FILE);
        return Files.exists(f) ? Optional.of(JSON.readValue(f.toFile(), GateJson.class)) : Optional.empty();
    }

    /** Makes {@code version} the one served; the one served before is retired. */
    public void promote(String version, String reason) throws IOException {
        locked(() -> {
            requireKnown(version);
            Optional<String> before = latest();
            List<VersionRow> rows = new ArrayList<>();
            for (VersionRow r : versions()) {
                rows.add(r.version().equals(version) ? r.withStatus("promoted")
                        : before.isPresent() && r.version().equals(before.get()) ? r.withStatus("retired") : r);
            }
            writeVersions(rows);
            replaceAtomically(dir.resolve(LATEST), version + "\n");
            event("promote", version, reason);
            return null;
        });
    }

    /**
     * Serves the version promoted before the current one again (the newest earlier promotion not rolled back), or,
     * when there is none, nothing from the registry: LATEST goes and the server serves its bundled model. The current
     * one becomes {@code rolled-back}. Returns the version now served, empty for the bundled model.
     */
    public Optional<String> rollback(String reason) throws IOException {
        return locked(() -> {
            String current = latest().orElseThrow(() -> new IOException("nothing to roll back: no version was promoted"));
            List<String> promoted = new ArrayList<>();
            for (String[] e : events()) {
                if (e[1].equals("promote")) {
                    promoted.remove(e[2]);
                    promoted.add(e[2]);
                }
            }
            List<VersionRow> rows = versions();
            List<String> rolledBack = rows.stream().filter(r -> r.status().equals("rolled-back")).map(VersionRow::version).toList();
            String target = null;
            for (int i = promoted.size() - 1; i >= 0 && target == null; i--) {
                String v = promoted.get(i);
                if (!v.equals(current) && !rolledBack.contains(v)) {
                    target = v;
                }
            }
            String back = target;
            List<VersionRow> out = new ArrayList<>();
            for (VersionRow r : rows) {
                out.add(r.version().equals(current) ? r.withStatus("rolled-back")
                        : r.version().equals(back) ? r.withStatus("promoted") : r);
            }
            writeVersions(out);
            if (back != null) {
                replaceAtomically(dir.resolve(LATEST), back + "\n");
            } else {
                Files.delete(dir.resolve(LATEST));
            }
            event("rollback", current, reason + " (now serving " + (back != null ? back : "the bundled model") + ")");
            return Optional.ofNullable(back);
        });
    }

    /** Every promotion and rollback: [time, event, version, reason]. */
    public List<String[]> events() throws IOException {
        Path f = dir.resolve("events.csv");
        List<String[]> out = new ArrayList<>();
        if (Files.exists(f)) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("time,")) {
                    out.add(line.split(",", 4));
                }
            }
        }
        return out;
    }

    /** The SHA-256 over a bundle's files (names and bytes, in name order). */
    public static String hashOf(Path bundleDir) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (Stream<Path> files = Files.list(bundleDir)) {
                for (Path f : files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(GATE_FILE))
                        .sorted().toList()) {
                    md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                    md.update(Files.readAllBytes(f));
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void requireKnown(String version) throws IOException {
        if (version(version).isEmpty()) {
            throw new IOException("no version " + version + " in " + dir);
        }
    }

    private void event(String kind, String version, String reason) throws IOException {
        Path f = dir.resolve("events.csv");
        String line = Instant.now().truncatedTo(ChronoUnit.SECONDS) + "," + kind + "," + version + ","
                + reason.replace('\n', ' ') + "\n";
        if (!Files.exists(f)) {
            Files.writeString(f, "time,event,version,reason\n", StandardCharsets.UTF_8);
        }
        Files.writeString(f, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private void writeVersions(List<VersionRow> rows) throws IOException {
        replaceAtomically(dir.resolve("versions.csv"), VersionsCsv.write(rows));
    }

    private static void replaceAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private interface Change<T> {
        T run() throws IOException;
    }

    private <T> T locked(Change<T> change) throws IOException {
        Files.createDirectories(dir);
        try (FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = ch.lock()) {
            return change.run();
        }
    }
}
