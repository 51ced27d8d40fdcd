package dev.aivj.audioio;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the real-music cache made by scripts/fetch-music.sh; fails (never skips) when missing. */
final class MusicCache {
    static final String SECTOID = "fretsonfire-songs-sectoid/usr/share/games/fretsonfire/data/songs/sectoid";

    private MusicCache() {
    }

    static Path dir() {
        String p = System.getProperty("aivj.music.dir");
        Path dir;
        if (p != null && !p.isBlank()) {
            dir = Path.of(p);
        } else {
            String cache = System.getenv("AIVJ_CACHE");
            dir = (cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache", "aivj"))
                    .resolve("music");
        }
        if (!Files.isDirectory(dir)) {
            fail("music cache " + dir + " not found: run ./aivj fetch-music");
        }
        return dir;
    }

    static Path file(String relative) {
        Path f = dir().resolve(relative);
        if (!Files.isRegularFile(f)) {
            fail("music file " + f + " not found: run ./aivj fetch-music");
        }
        return f;
    }

    static Path song(String title) {
        return file(SECTOID + "/" + title + "/song.ogg");
    }

    /** 30-second clip of "Metal madness" (30..60 s), ext = wav, flac, mp3 or ogg. */
    static Path clip(String ext) {
        return file("derived/clip." + ext);
    }
}
