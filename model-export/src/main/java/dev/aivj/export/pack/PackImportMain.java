package dev.aivj.export.pack;

import dev.aivj.export.coupling.CouplingBundle;
import dev.aivj.export.coupling.QualityExporter;
import dev.aivj.presets.PresetLibrary;
import dev.aivj.training.pack.PackFolder;
import dev.aivj.training.pairs.PairsFormatException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code ./aivj import-pack DIR [--model DIR] [--limit N] [--timeout-s S] [--web DIR] [--music FILE]}: runs a pack
 * of the team's presets end to end ({@link PackImport}) and prints the counts; the report is in
 * {@code DIR/aivj-import/report.md}. A user error is one line on stderr and exit 2.
 */
public final class PackImportMain {
    static final String USAGE = "usage: import-pack DIR [--model DIR] [--limit PAIRS] [--timeout-s S] [--web DIR]"
            + " [--music FILE]";
    /** Seconds a preset may take before it counts as a hang (the library's presets take 1–7 s here). */
    static final int DEFAULT_TIMEOUT_S = 20;

    private PackImportMain() {
    }

    public static void main(String[] args) {
        try {
            PackReport r = run(args);
            System.out.printf("import-pack: %d pairs read, %d scored, %d left out; %d preset files, %d usable, %d "
                    + "broken, %d references naming no file; %d rendered (%.1f/min); pairs-quality.v0.json %s%n",
                    r.pairsRead(), r.pairsScored(), r.leftOut().size(), r.presetFiles(), r.usablePresets(),
                    r.presetFiles() - r.usablePresets(), r.unresolved().size(), r.measuredNow(),
                    r.presetsPerMinute(), r.quality() == null ? "not written: no pair scored" : r.quality());
            System.exit(0);
        } catch (IllegalArgumentException | IOException | IllegalStateException e) {
            System.err.println("import-pack: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("import-pack: failed: " + e);
            System.exit(1);
        }
    }

    static PackReport run(String[] args) throws Exception {
        Path pack = null;
        Path model = QualityExporter.DEFAULT_MODEL;
        Path web = Path.of("projectm-wasm/target/classes/web");
        Path music = PresetLibrary.cacheDir().resolve("music/derived/clip.wav");
        int limit = Integer.MAX_VALUE;
        int timeout = DEFAULT_TIMEOUT_S;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                if (pack != null) {
                    throw new IllegalArgumentException("one pack folder at a time (" + pack + ", " + a + "); " + USAGE);
                }
                pack = Path.of(a);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value; " + USAGE);
            }
            String v = args[++i];
            switch (a) {
                case "--model" -> model = Path.of(v);
                case "--web" -> web = Path.of(v);
                case "--music" -> music = Path.of(v);
                case "--limit" -> limit = positive(a, v);
                case "--timeout-s" -> timeout = positive(a, v);
                default -> throw new IllegalArgumentException("unknown argument " + a + "; " + USAGE);
            }
        }
        if (pack == null) {
            throw new IllegalArgumentException(USAGE);
        }
        if (!java.nio.file.Files.isDirectory(pack)) {
            throw new IllegalArgumentException(pack + ": no such folder");
        }
        PackImport.Settings s;
        try {
            s = new PackImport.Settings(CouplingBundle.load(model), web, music,
                    PresetLibrary.cacheDir().resolve("preset-frames"), timeout, limit);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("coupling model " + model + ": " + e.getMessage());
        }
        try {
            PackReport r = new PackImport(s, System.out).run(pack);
            System.out.println("import-pack: report in " + new PackFolder(pack.toAbsolutePath().normalize())
                    .reportMarkdown());
            return r;
        } catch (PairsFormatException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static int positive(String flag, String v) {
        try {
            int n = Integer.parseInt(v.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(flag + " needs a positive whole number, got \"" + v + "\"");
    }
}
