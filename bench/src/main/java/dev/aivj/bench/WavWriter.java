package dev.aivj.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Writes PCM as a 16-bit WAV file: how an excerpt is dropped on the app page, which takes files only. */
final class WavWriter {
    private WavWriter() {
    }

    static void write(Path file, float[] interleaved, int channels, int sampleRate) throws IOException {
        byte[] bytes = new byte[interleaved.length * 2];
        for (int i = 0; i < interleaved.length; i++) {
            int v = (int) Math.round(Math.max(-1f, Math.min(1f, interleaved[i])) * 32767);
            bytes[2 * i] = (byte) v;
            bytes[2 * i + 1] = (byte) (v >> 8);
        }
        AudioFormat format = new AudioFormat(sampleRate, 16, channels, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes), format,
                interleaved.length / channels)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }
}
