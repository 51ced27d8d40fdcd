package dev.aivj.audioio;

import java.io.IOException;

/**
 * Progress and cancellation shared between the decode worker thread (which writes it) and the
 * {@link DecodeWatchdog} (which reads it). A Java Sound provider cannot be interrupted, so
 * cancellation works by failing its next read of the file or of decoded PCM.
 */
final class DecodeProgress {
    // Written by the worker thread only; volatile so the watchdog thread sees current values.
    volatile long bytesRead;
    volatile long framesDecoded;
    volatile boolean eof;
    private volatile boolean cancelled;

    /** Any change means the decoder is still working; the value itself has no unit. */
    long value() {
        return bytesRead + framesDecoded;
    }

    void cancel() {
        cancelled = true;
    }

    void checkCancelled() throws IOException {
        if (cancelled) {
            throw new DecodeCancelledException();
        }
    }

    /** Thrown inside the provider's reads; an IOException so that providers pass it through. */
    static final class DecodeCancelledException extends IOException {
        private static final long serialVersionUID = 1L;

        DecodeCancelledException() {
            super("cancelled");
        }
    }
}
