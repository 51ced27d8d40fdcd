package dev.aivj.audioio;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts bytes read from the file into {@link DecodeProgress}, records end of file, and stops
 * reads once cancelled. Sits under the provider so that progress is visible even while the
 * provider is still parsing headers and has produced no PCM yet.
 */
final class ProgressCountingInputStream extends FilterInputStream {
    private final DecodeProgress progress;

    ProgressCountingInputStream(InputStream in, DecodeProgress progress) {
        super(in);
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        progress.checkCancelled();
        int b = super.read();
        if (b < 0) {
            progress.eof = true;
        } else {
            progress.bytesRead++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        progress.checkCancelled();
        int n = super.read(b, off, len);
        if (n < 0) {
            progress.eof = true;
        } else {
            progress.bytesRead += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        progress.checkCancelled();
        long s = super.skip(n);
        progress.bytesRead += Math.max(0, s);
        return s;
    }
}
