package dev.aivj.audioio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Streaming a real file chunk by chunk gives the whole decode's samples; bad files fail with their reason. */
class StreamedDecodeTest {
    /** Collects what a stream hands over. */
    private static final class Collected implements AudioFileDecoder.PcmChunks {
        int rate;
        int channels;
        int chunks;
        float[] all = new float[0];

        @Override
        public void format(int sampleRate, int channelCount) {
            rate = sampleRate;
            channels = channelCount;
        }

        @Override
        public void chunk(float[] interleaved, int frames) {
            assertEquals(frames * channels, interleaved.length);
            int n = all.length;
            all = Arrays.copyOf(all, n + interleaved.length);
            System.arraycopy(interleaved, 0, all, n, interleaved.length);
            chunks++;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wav", "flac", "ogg", "mp3"})
    void streamedChunksAreTheWholeDecode(String ext) throws Exception {
        DecodedAudio whole = AudioFileDecoder.decode(MusicCache.clip(ext));
        Collected c = new Collected();
        AudioFileDecoder.stream(MusicCache.clip(ext), 4096, c);
        assertEquals(whole.sampleRate(), c.rate);
        assertEquals(whole.channels(), c.channels);
        assertTrue(c.chunks > 1, "several chunks: " + c.chunks);
        assertArrayEquals(whole.interleaved(), c.all, ext);
    }

    @Test
    void aFileThatIsNoAudioIsRefusedWithItsReason() throws Exception {
        Path text = Files.createTempFile("aivj-not-audio-", ".wav");
        try {
            Files.writeString(text, "RIFF but not really a wave file at all");
            AudioDecodeException e = assertThrows(AudioDecodeException.class,
                    () -> AudioFileDecoder.stream(text, 4096, new Collected()));
            assertTrue(e.getMessage().contains(text.getFileName().toString()), e.getMessage());
        } finally {
            Files.deleteIfExists(text);
        }
    }
}
