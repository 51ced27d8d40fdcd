package dev.aivj.audioio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks that a path is a readable, non-empty regular file within the size limit, so that the
 * user gets a plain reason instead of whatever a container parser or provider makes of it.
 */
final class InputFileCheck {

    private InputFileCheck() {
    }

    static void check(Path file, AudioFileDecoder.Limits limits) throws AudioDecodeException {
        if (file == null) {
            throw new IllegalArgumentException("file is null");
        }
        if (!Files.exists(file)) {
            throw new AudioDecodeException(file, "file not found");
        }
        if (Files.isDirectory(file)) {
            throw new AudioDecodeException(file, "is a directory, not an audio file");
        }
        if (!Files.isRegularFile(file)) {
            throw new AudioDecodeException(file, "not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new AudioDecodeException(file, "permission denied");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new AudioDecodeException(file, "cannot read file: " + e.getMessage(), e);
        }
        if (size == 0) {
            throw new AudioDecodeException(file, "empty file (0 bytes)");
        }
        if (size > limits.maxFileBytes()) {
            throw new AudioDecodeException(file, String.format(Locale.ROOT,
                    "file too large (%s, limit %s)", bytes(size), bytes(limits.maxFileBytes())));
        }
        // Java Sound readers mis-handle files they cannot read at all; fail early with a clear message.
        try (InputStream s = Files.newInputStream(file)) {
            s.read();
        } catch (AccessDeniedException e) {
            throw new AudioDecodeException(file, "permission denied");
        } catch (NoSuchFileException e) {
            throw new AudioDecodeException(file, "file not found");
        } catch (IOException e) {
            throw new AudioDecodeException(file, "cannot read file: " + e.getMessage(), e);
        }
    }

    static String bytes(long n) {
        if (n >= 1L << 30) {
            return String.format(Locale.ROOT, "%.2f GiB", n / (double) (1L << 30));
        }
        if (n >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", n / (double) (1L << 20));
        }
        return n + " bytes";
    }
}
