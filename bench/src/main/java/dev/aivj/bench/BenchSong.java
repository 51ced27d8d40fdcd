package dev.aivj.bench;

import dev.aivj.audioio.AudioDecodeException;
import dev.aivj.audioio.AudioFileDecoder;
import dev.aivj.audioio.DecodedAudio;
import dev.aivj.audioio.MusicCache;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A real song decoded once in Java (decode is not benchmarked), optionally cut to its first seconds; every
 * runtime gets this same PCM. {@code id} names its data files on the bench server.
 */
public record BenchSong(String id, String label, Path file, float[] interleaved, int channels, int sampleRate) {

    /** The full 175-s "War of freedom" of the test music. */
    public static BenchSong warOfFreedom() throws AudioDecodeException {
        return load("war-of-freedom", "War of freedom", Double.POSITIVE_INFINITY);
    }

    /** The first 30 s of "Metal madness", labelled as an excerpt. */
    public static BenchSong metalMadnessExcerpt() throws AudioDecodeException {
        return load("metal-madness-30s", "Metal madness", 30);
    }

    static BenchSong load(String id, String title, double maxSeconds) throws AudioDecodeException {
        Path file = MusicCache.sectoidSong(title);
        DecodedAudio audio = AudioFileDecoder.decode(file);
        float[] pcm = audio.interleaved();
        String label = title;
        if (audio.durationSeconds() > maxSeconds) {
            pcm = Arrays.copyOf(pcm, (int) (maxSeconds * audio.sampleRate()) * audio.channels());
            label = title + " (excerpt 0–" + (int) maxSeconds + " s)";
        } else {
            label = String.format(java.util.Locale.ROOT, "%s (%.0f s)", title, audio.durationSeconds());
        }
        return new BenchSong(id, label, file, pcm, audio.channels(), audio.sampleRate());
    }

    public double seconds() {
        return (double) interleaved.length / channels / sampleRate;
    }

    /** True when this is a cut of {@link #file()}, not the whole file. */
    public boolean isExcerpt() {
        return label.contains("excerpt");
    }
}
