package dev.aivj.training.pack;

import java.nio.file.Path;

/**
 * Where {@code ./aivj import-pack DIR} keeps what it makes, with the pack and never in the repository:
 * {@code DIR/aivj-import/}. The measurements ({@value #STATUS}, the preset checker's format, resumable), the pack's
 * presets and their file checks ({@value #PRESETS}), the pairs in one manifest of the web player's format with the
 * preset ids and the team's scores ({@value #MANIFEST}; the golden set in {@value #ELITE}), the coupling model's
 * scores ({@value #QUALITY}), the Parquet store, the report, and the pair library the page plays ({@code library/}).
 */
public record PackFolder(Path pack) {
    public static final String DIR = "aivj-import";
    public static final String STATUS = "preset-status.json";
    public static final String PRESETS = "presets.json";
    public static final String MANIFEST = "pairs-manifest.json";
    public static final String ELITE = "elite-manifest.json";
    public static final String QUALITY = "pairs-quality.v0.json";
    public static final String LIBRARY = "pair-library.json";
    public static final String PACK_INDEX = "pack-presets.json";

    public Path root() {
        return pack.resolve(DIR);
    }

    public Path status() {
        return root().resolve(STATUS);
    }

    public Path presets() {
        return root().resolve(PRESETS);
    }

    public Path manifest() {
        return root().resolve(MANIFEST);
    }

    public Path elite() {
        return root().resolve(ELITE);
    }

    public Path quality() {
        return root().resolve(QUALITY);
    }

    public Path parquet() {
        return root().resolve("pairs.parquet");
    }

    public Path reportMarkdown() {
        return root().resolve("report.md");
    }

    public Path reportJson() {
        return root().resolve("report.json");
    }

    /** The pair library, its partner presets and the pack's preset index, as {@code ./aivj serve --pack} serves them. */
    public Path library() {
        return root().resolve("library");
    }

    /** Whether the pack was imported (its presets listed and its pairs written). */
    public boolean imported() {
        return java.nio.file.Files.isRegularFile(presets()) && java.nio.file.Files.isRegularFile(manifest());
    }
}
