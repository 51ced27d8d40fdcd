package dev.aivj.audioio;

import java.nio.file.Path;

/**
 * Decodes WAV (PCM 8/16/24/32-bit, float), FLAC, Ogg Vorbis and MP3 files to interleaved float PCM
 * through Java Sound service providers (JDK WAV reader, jflac, mp3spi) and, for Ogg Vorbis, JOrbis
 * ({@link OggVorbisPcmStream}).
 *
 * <p>The format is decided by the file content. Before a decoder runs, the file is checked
 * ({@link InputFileCheck}) and the container probed (truncation, declared length, duration limit);
 * the decoder ({@link DecodeJob}) then runs under a {@link DecodeWatchdog} so that a provider that
 * stalls or produces runaway output on corrupt data is abandoned within seconds. Every failure is
 * reported as an {@link AudioDecodeException} with a one-line reason.
 */
public final class AudioFileDecoder {
    /**
     * Changes whenever the PCM decoded from some file changes (caches of decoded features key on it). 2: Ogg
     * Vorbis decoded by JOrbis page by page, no longer losing the last small pages (1: vorbisspi).
     */
    public static final String VERSION = "2";


    /** Resource limits. Defaults: 1 GiB file, 30 minutes of audio, 5 s without decoder progress. */
    public record Limits(long maxFileBytes, double maxDurationSeconds, long stallTimeoutMillis) {
        public static final Limits DEFAULT = new Limits(1L << 30, 30 * 60, 5_000);

        public Limits {
            if (maxFileBytes <= 0 || !(maxDurationSeconds > 0) || stallTimeoutMillis <= 0) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }

        /**
         * Defaults, overridden by system properties {@code aivj.audio.maxFileBytes},
         * {@code aivj.audio.maxDurationSeconds} and {@code aivj.audio.stallTimeoutMillis}.
         */
        public static Limits fromSystemProperties() {
            try {
                return new Limits(
                        Long.parseLong(System.getProperty("aivj.audio.maxFileBytes", String.valueOf(DEFAULT.maxFileBytes))),
                        Double.parseDouble(System.getProperty("aivj.audio.maxDurationSeconds",
                                String.valueOf(DEFAULT.maxDurationSeconds))),
                        Long.parseLong(System.getProperty("aivj.audio.stallTimeoutMillis",
                                String.valueOf(DEFAULT.stallTimeoutMillis))));
            } catch (IllegalArgumentException e) {
                return DEFAULT;
            }
        }

        public Limits withMaxFileBytes(long bytes) {
            return new Limits(bytes, maxDurationSeconds, stallTimeoutMillis);
        }

        public Limits withMaxDurationSeconds(double seconds) {
            return new Limits(maxFileBytes, seconds, stallTimeoutMillis);
        }
    }

    private AudioFileDecoder() {
    }

    /** Decodes with {@link Limits#fromSystemProperties()}. */
    public static DecodedAudio decode(Path file) throws AudioDecodeException {
        return decode(file, Limits.fromSystemProperties());
    }

    /** What a file's container says (format, sample rate, channels) without decoding it. */
    public record ContainerFacts(String format, int sampleRate, int channels) {
    }

    /**
     * Checks and reads the container of a WAV, FLAC, Ogg Vorbis or MP3 file (by content, never the extension)
     * without decoding it; {@code null} for a file in none of these formats.
     *
     * @throws AudioDecodeException for one of these containers that is damaged or cut short
     */
    public static ContainerFacts describe(Path file) throws AudioDecodeException {
        if (!ContainerProbe.isKnownContainer(file)) {
            return null;
        }
        ContainerProbe.Probe probe = ContainerProbe.probe(file);
        return new ContainerFacts(probe.format(), probe.sampleRate(), probe.channels());
    }

    /** Receives a streamed file's PCM: its format once, then interleaved chunks of {@code frames × channels}. */
    public interface PcmChunks {
        void format(int sampleRate, int channels) throws Exception;

        void chunk(float[] interleaved, int frames) throws Exception;
    }

    /**
     * Decodes a WAV, FLAC, Ogg Vorbis or MP3 file of any length in bounded memory, handing its PCM to {@code sink}
     * in chunks of up to {@code chunkFrames} frames (a DJ set too long to hold whole). No duration or size limit:
     * only one chunk is held. An exception from {@code sink} ends the stream as an {@link AudioDecodeException}.
     */
    public static void stream(Path file, int chunkFrames, PcmChunks sink) throws AudioDecodeException {
        InputFileCheck.check(file, new Limits(Long.MAX_VALUE, Double.MAX_VALUE, Limits.DEFAULT.stallTimeoutMillis()));
        new PcmStreamer(file, ContainerProbe.probe(file)).stream(chunkFrames, sink);
    }

    /** The duration a WAV, FLAC, Ogg Vorbis or MP3 container declares (s), or NaN when it declares none. */
    public static double declaredSeconds(Path file) throws AudioDecodeException {
        double s = ContainerProbe.probe(file).expectedSeconds();
        return s > 0 ? s : Double.NaN;
    }

    public static DecodedAudio decode(Path file, Limits limits) throws AudioDecodeException {
        InputFileCheck.check(file, limits);
        ContainerProbe.Probe probe = ContainerProbe.probe(file);
        double expected = probe.expectedSeconds();
        // Reject on the declared length before spending time decoding.
        if (expected > limits.maxDurationSeconds()) {
            throw DecodeMessages.tooLong(file, expected, limits);
        }
        return DecodeWatchdog.run(file, new DecodeJob(file, probe, limits), limits);
    }
}
