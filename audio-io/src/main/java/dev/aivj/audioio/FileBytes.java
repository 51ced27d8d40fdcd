package dev.aivj.audioio;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Random access to a file's bytes through a small window; out-of-range reads return -1. */
final class FileBytes implements Closeable {
    private static final int WINDOW = 1 << 20;

    private final FileChannel channel;
    private final long size;
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW);
    private long windowStart = -1;
    private int windowLength;

    FileBytes(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.size = channel.size();
    }

    long size() {
        return size;
    }

    int u8(long pos) throws IOException {
        if (pos < 0 || pos >= size) {
            return -1;
        }
        if (pos < windowStart || pos >= windowStart + windowLength) {
            load(pos);
        }
        return window.get((int) (pos - windowStart)) & 0xff;
    }

    private void load(long pos) throws IOException {
        window.clear();
        while (window.hasRemaining()) {
            int n = channel.read(window, pos + window.position());
            if (n < 0) {
                break;
            }
        }
        windowStart = pos;
        windowLength = window.position();
    }

    /** True if the ASCII text {@code s} is at {@code pos}. */
    boolean matches(long pos, String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            if (u8(pos + i) != (s.charAt(i) & 0xff)) {
                return false;
            }
        }
        return true;
    }

    long u16le(long p) throws IOException {
        return le(p, 2);
    }

    long u32le(long p) throws IOException {
        return le(p, 4);
    }

    long u32be(long p) throws IOException {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            int b = u8(p + i);
            if (b < 0) {
                return -1;
            }
            v = (v << 8) | b;
        }
        return v;
    }

    /** Little-endian unsigned integer of n bytes (n <= 8), -1 if past the end. */
    long le(long p, int n) throws IOException {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            int b = u8(p + i);
            if (b < 0) {
                return -1;
            }
            v = (v << 8) | b;
        }
        return v;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
