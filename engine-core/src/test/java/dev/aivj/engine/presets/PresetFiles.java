package dev.aivj.engine.presets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where scripts/fetch-presets.sh puts Debian's projectm-data: the system property {@code aivj.presets.dir}, else
 * {@code $AIVJ_CACHE/presets}, else {@code ~/.cache/aivj/presets}. Missing presets fail the test (never skip) with
 * the command that fetches them.
 */
final class PresetFiles {
    /** The preset folders inside the extracted projectm-data package. */
    static final String PROJECTM = "projectm-data/usr/share/projectM/presets";

    /** butterchurn's converted presets (npm butterchurn-presets, fetched by the same script). */
    static final String BUTTERCHURN = "butterchurn-presets/package/presets/converted";

    private PresetFiles() {
    }

    static Path dir() {
        String configured = System.getProperty("aivj.presets.dir");
        // An unset Maven property reaches surefire as the literal "${aivj.presets.dir}".
        if (configured != null && !configured.isBlank() && !configured.startsWith("${")) {
            return Path.of(configured);
        }
        String cache = System.getenv("AIVJ_CACHE");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache", "aivj");
        return base.resolve("presets");
    }

    static Path projectm() {
        Path p = dir().resolve(PROJECTM);
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("projectm-data presets not found in " + p + ": run ./aivj fetch-presets");
        }
        return p;
    }

    /** A preset file relative to the projectm-data preset folder, e.g. "presets_milkdrop/Geiss - Eggs.milk". */
    static Path projectm(String relative) {
        Path f = projectm().resolve(relative);
        if (!Files.isRegularFile(f)) {
            throw new IllegalStateException("preset " + f + " not found: run ./aivj fetch-presets");
        }
        return f;
    }

    /** Every .milk file of projectm-data, sorted by path. */
    static List<Path> allMilk() {
        try (Stream<Path> s = Files.walk(projectm())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".milk") && Files.isRegularFile(p)).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path butterchurn(String name) {
        Path f = dir().resolve(BUTTERCHURN).resolve(name + ".json");
        if (!Files.isRegularFile(f)) {
            throw new IllegalStateException("butterchurn preset " + f + " not found: run ./aivj fetch-presets");
        }
        return f;
    }

    /** The text of a preset: UTF-8 where valid, else Latin-1 (a few old presets carry Latin-1 comments). */
    static String read(Path f) {
        try {
            byte[] bytes = Files.readAllBytes(f);
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                return new String(bytes, StandardCharsets.ISO_8859_1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
