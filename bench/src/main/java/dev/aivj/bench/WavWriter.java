package dev.aivj.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** PCM as a 16-bit WAV file: how an excerpt is dropped on the app page (files only) and decoded by the app path. */
final class WavWriter {
    private WavWriter() {
    }

    static void write(Path file, float[] interleaved, int channels, int sampleRate) throws IOException {
        java.nio.file.Files.write(file, bytes(interleaved, channels, sampleRate));
    }

    /** The WAV file's bytes. */
    static byte[] bytes(float[] interleaved, int channels, int sampleRate) {
        byte[] pcm = new byte[interleaved.length * 2];
        for (int i = 0; i < interleaved.length; i++) {
            int v = (int) Math.round(Math.max(-1f, Math.min(1f, interleaved[i])) * 32767);
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        AudioFormat format = new AudioFormat(sampleRate, 16, channels, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream(pcm.length + 64);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format,
                interleaved.length / channels)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // in memory: cannot happen
        }
        return out.toByteArray();
    }
}
