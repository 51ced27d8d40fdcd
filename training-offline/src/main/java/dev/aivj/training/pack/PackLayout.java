package dev.aivj.training.pack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The team's pack layouts (shared/DATA-FORMATS.md), in the order a folder is tried: the web player's
 * {@code pairs-manifest.json} (fgUrl/bgUrl), the elite golden set's {@code AIVJ_FINAL_ELITE_MANIFEST.json}, deep
 * alchemy's {@code manifest.jsonl}, and the refinery's {@code fg/} and {@code bg/} folders of
 * {@code coupled_<pair>_<date>_<time>_fg|bg.milk} files with their {@code refinery_v2_*.log}s.
 */
public enum PackLayout {
    WEB_PLAYER("pairs-manifest.json (the web player's fgUrl/bgUrl manifest)"),
    ELITE("AIVJ_FINAL_ELITE_MANIFEST.json (the elite golden set)"),
    DEEP_ALCHEMY("manifest.jsonl (deep alchemy)"),
    REFINERY("fg/ and bg/ folders of coupled_*_fg.milk / _bg.milk files (the refinery)");

    public static final String WEB_MANIFEST = "pairs-manifest.json";
    public static final String DEEP_ALCHEMY_MANIFEST = "manifest.jsonl";

    private final String what;

    PackLayout(String what) {
        this.what = what;
    }

    /** What a folder of this layout holds, for messages. */
    public String what() {
        return what;
    }

    /** The layout of {@code dir}, or empty when it holds none of the team's layouts. */
    public static Optional<PackLayout> detect(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve(WEB_MANIFEST))) {
            return Optional.of(WEB_PLAYER);
        }
        if (eliteManifest(dir).isPresent()) {
            return Optional.of(ELITE);
        }
        if (Files.isRegularFile(dir.resolve(DEEP_ALCHEMY_MANIFEST))) {
            return Optional.of(DEEP_ALCHEMY);
        }
        if (Files.isDirectory(dir.resolve("fg")) && Files.isDirectory(dir.resolve("bg"))) {
            return Optional.of(REFINERY);
        }
        return Optional.empty();
    }

    /**
     * The elite manifest in {@code dir}: {@code AIVJ_FINAL_ELITE_MANIFEST.json}, else the first (by name) JSON file
     * whose name holds both "elite" and "manifest" (older copies were renamed).
     */
    public static Optional<Path> eliteManifest(Path dir) throws IOException {
        Path exact = dir.resolve("AIVJ_FINAL_ELITE_MANIFEST.json");
        if (Files.isRegularFile(exact)) {
            return Optional.of(exact);
        }
        Path found = null;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
            for (Path p : ds) {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (n.contains("elite") && n.contains("manifest") && Files.isRegularFile(p)
                        && (found == null || p.getFileName().toString().compareTo(found.getFileName().toString()) < 0)) {
                    found = p;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** The one line a folder of no known layout gets. */
    public static String noneFound(Path dir) {
        StringBuilder sb = new StringBuilder(dir + ": not a pack in any of the team's layouts; expected one of: ");
        PackLayout[] all = values();
        for (int i = 0; i < all.length; i++) {
            sb.append(i == 0 ? "" : "; ").append(all[i].what);
        }
        return sb.toString();
    }
}
