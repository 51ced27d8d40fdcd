package dev.aivj.audioio;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Runs a {@link DecodeJob} in a daemon worker thread and abandons it when its progress stops
 * changing for the stall timeout: some providers loop forever on corrupt data, and a daemon
 * thread that never ends must not keep the caller waiting or the JVM alive.
 */
final class DecodeWatchdog {

    private static final long POLL_MILLIS = 50;

    private DecodeWatchdog() {
    }

    static DecodedAudio run(Path file, DecodeJob job, AudioFileDecoder.Limits limits) throws AudioDecodeException {
        Thread worker = new Thread(job, "aivj-audio-decode");
        worker.setDaemon(true);
        worker.start();
        DecodeProgress progress = job.progress();
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
                            DecodeMessages.label(job.format()), limits.stallTimeoutMillis() / 1000.0));
                }
            }
        } catch (InterruptedException e) {
            progress.cancel();
            Thread.currentThread().interrupt();
            throw new AudioDecodeException(file, "interrupted");
        }
        return job.result();
    }
}
