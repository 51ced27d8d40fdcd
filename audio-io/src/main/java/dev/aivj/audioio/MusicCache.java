package dev.aivj.audioio;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where scripts/fetch-music.sh puts the freely licensed music: the system property {@code aivj.music.dir}, else
 * {@code $AIVJ_CACHE/music}, else {@code ~/.cache/aivj/music}. A missing file is an error that says how to fetch it.
 */
public final class MusicCache {
    /** The songs of Debian's fretsonfire-songs-sectoid (MIT licence), one folder per song. */
    public static final String SECTOID = "fretsonfire-songs-sectoid/usr/share/games/fretsonfire/data/songs/sectoid";

    private MusicCache() {
    }

    public static Path dir() {
        String configured = System.getProperty("aivj.music.dir");
        // An unset Maven property reaches surefire as the literal "${aivj.music.dir}".
        if (configured != null && !configured.isBlank() && !configured.startsWith("${")) {
            return Path.of(configured);
        }
        String cache = System.getenv("AIVJ_CACHE");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache", "aivj");
        return base.resolve("music");
    }

    /** A file under the cache; throws when it is missing. */
    public static Path file(String relative) {
        Path f = dir().resolve(relative);
        if (!Files.isRegularFile(f)) {
            throw new IllegalStateException("music file " + f + " not found: run ./aivj fetch-music");
        }
        return f;
    }

    /** The mixed song of a Frets on Fire song folder, e.g. "Metal madness". */
    public static Path sectoidSong(String title) {
        return file(SECTOID + "/" + title + "/song.ogg");
    }

    /** "Chiptune2" from Debian's tuxtype-data (GPL-2), a 46-second chiptune. */
    public static Path chiptune() {
        return file("tuxtype-data/usr/share/tuxtype/sounds/chiptune2.ogg");
    }

    /** The 30-second clip of "Metal madness" (30–60 s) that fetch-music derives; ext = wav, flac, mp3 or ogg. */
    public static Path clip(String ext) {
        return file("derived/clip." + ext);
    }
}
