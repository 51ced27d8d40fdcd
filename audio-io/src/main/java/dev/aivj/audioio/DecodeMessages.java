package dev.aivj.audioio;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Wording shared by the decode stages, so that the facade, the watchdog and the PCM reader name
 * formats and report the duration limit the same way.
 */
final class DecodeMessages {

    private DecodeMessages() {
    }

    /** Human name of a {@link ContainerProbe} format id, as used in error reasons. */
    static String label(String format) {
        switch (format) {
            case ContainerProbe.WAV: return "WAV";
            case ContainerProbe.FLAC: return "FLAC";
            case ContainerProbe.OGG_VORBIS: return "Ogg Vorbis";
            case ContainerProbe.MP3: return "MP3";
            default: return format;
        }
    }

    static AudioDecodeException tooLong(Path file, double seconds, AudioFileDecoder.Limits limits) {
        return new AudioDecodeException(file, String.format(Locale.ROOT,
                "audio too long (%s, limit %s)", minutes(seconds), minutes(limits.maxDurationSeconds())));
    }

    private static String minutes(double s) {
        return s >= 120 ? String.format(Locale.ROOT, "%.1f min", s / 60) : String.format(Locale.ROOT, "%.1f s", s);
    }

    /** Exception class and message on one line: provider messages alone are often empty or vague. */
    static String describe(Throwable e) {
        String m = e.getMessage();
        String s = e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
        return AudioDecodeException.oneLine(s);
    }
}
