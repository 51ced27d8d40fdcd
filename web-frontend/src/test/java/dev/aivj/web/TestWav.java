package dev.aivj.web;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** 16-bit PCM WAV pieces for tests that make their own recordings (GENERATED from real songs in those tests). */
public final class TestWav {
    private TestWav() {
    }

    /** The 44-byte header of a mono 16-bit PCM WAV of {@code samples} samples at {@code rate} Hz. */
    public static byte[] monoHeader(int rate, long samples) {
        return ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN)
                .put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + 2 * samples))
                .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) (2 * samples)).array();
    }

    /** A sample in −1..1 as 16-bit PCM (clipped). */
    public static short pcm16(float v) {
        return (short) Math.round(Math.max(-1, Math.min(1, v)) * 32767);
    }
}
