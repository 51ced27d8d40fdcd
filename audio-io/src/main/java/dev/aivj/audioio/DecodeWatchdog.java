package dev.aivj.audioio;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Runs a decode ({@link DecodeJob}, or a streamed one, {@link PcmStreamer}) in a daemon worker thread and
 * abandons it when its progress stops changing for the stall timeout: some providers loop forever on corrupt
 * data, and a daemon thread that never ends must not keep the caller waiting or the JVM alive.
 */
final class DecodeWatchdog {

    private static final long POLL_MILLIS = 50;

    private DecodeWatchdog() {
    }

    static DecodedAudio run(Path file, DecodeJob job, AudioFileDecoder.Limits limits) throws AudioDecodeException {
        watch(file, job.format(), job, job.progress(), limits);
        return job.result();
    }

    /** Runs {@code job} until it ends, or throws when {@code progress} stalls (the job is then cancelled). */
    static void watch(Path file, String format, Runnable job, DecodeProgress progress, AudioFileDecoder.Limits limits)
            throws AudioDecodeException {
        Thread worker = new Thread(job, "aivj-audio-decode");
        worker.setDaemon(true);
        worker.start();
        long last = -1;
        long lastChange = System.nanoTime();
        try {
            while (true) {
                worker.join(POLL_MILLIS);
                if (!worker.isAlive()) {
                    break;
                }
                long p = progress.value();
                long now = System.nanoTime();
                if (p != last) {
                    last = p;
                    lastChange = now;
                } else if ((now - lastChange) / 1_000_000 > limits.stallTimeoutMillis()) {
                    progress.cancel();
                    throw new AudioDecodeException(file, String.format(Locale.ROOT,
                            "%s decoder stalled (no progress for %.1f s): corrupt or truncated data",
                            DecodeMessages.label(format), limits.stallTimeoutMillis() / 1000.0));
                }
            }
        } catch (InterruptedException e) {
            progress.cancel();
            Thread.currentThread().interrupt();
            throw new AudioDecodeException(file, "interrupted");
        }
    }
}
