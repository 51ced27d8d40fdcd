package dev.aivj.training.pairs.parquet;

import java.io.IOException;
import java.nio.file.Path;

/** A Parquet pair store or one of its files cannot be read back as written; the message starts with the path. */
public final class ParquetStoreException extends IOException {
    private final transient Path file;

    public ParquetStoreException(Path file, String reason) {
        this(file, reason, null);
    }

    public ParquetStoreException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
    }

    /** The store directory or the file that is at fault. */
    public Path file() {
        return file;
    }
}
