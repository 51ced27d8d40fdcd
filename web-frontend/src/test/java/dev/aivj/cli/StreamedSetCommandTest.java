package dev.aivj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivj.audioio.AudioFileDecoder;
import dev.aivj.audioio.DecodedAudio;
import dev.aivj.audioio.MusicCache;
import dev.aivj.engine.AudioAnalyzer;
import dev.aivj.engine.audio.Resampler;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code aivj analyze} on a 61-minute set, in a JVM of its own with a 256 MB heap: the set's samples alone would
 * take 234 MB as floats (plus the resampled signal), so only a streamed analysis can finish. The set is GENERATED
 * here: real songs ("Metal madness", then the chiptune) repeated, at 16 kHz mono so the resampler works too.
 */
class StreamedSetCommandTest {
    private static final int RATE = 16_000;
    private static final int SET_SECONDS = 61 * 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anHourLongSetIsAnalysedStreamedInBoundedMemory() throws Exception {
        Path set = Files.createTempFile("aivj-set-", ".wav");
        try {
            writeSet(set);
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "analyze",
                    set.toString()).redirectErrorStream(false).start();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the analysis ends");
            assertEquals(0, p.exitValue(), err);
            JsonNode doc = JSON.readTree(out);
            assertEquals("streamed", doc.get("mode").asText());
            assertEquals(SET_SECONDS, doc.get("durationSeconds").asDouble(), 0.01);
            assertEquals("java, streamed", doc.at("/source/decoder").asText());
            JsonNode sections = doc.get("sections");
            assertTrue(sections.size() >= 2, "sections: " + sections.size());
            for (JsonNode s : sections) {
                assertTrue(s.get("end").asDouble() > s.get("start").asDouble(), s.toString());
                assertTrue(s.get("pair").get("fg").isTextual() && s.get("pair").has("mix"), s.toString());
            }
            assertEquals(SET_SECONDS / 5, doc.get("timeline").size(), 2, "one style reading per 5 s");
            System.out.printf("StreamedSetCommandTest: %d-min set (%.0f MB WAV) in -Xmx256m: %d sections, JSON %.0f kB%n",
                    SET_SECONDS / 60, Files.size(set) / 1e6, sections.size(), out.length / 1e3);
        } finally {
            Files.deleteIfExists(set);
        }
    }

    /** Real songs at 16 kHz mono, one after the other, repeated to an hour and a minute, as 16-bit PCM WAV. */
    private static void writeSet(Path file) throws Exception {
        List<float[]> songs = List.of(mono16k(MusicCache.sectoidSong("Metal madness")), mono16k(MusicCache.chiptune()));
        long samples = (long) SET_SECONDS * RATE;
        try (OutputStream raw = Files.newOutputStream(file);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 20))) {
            ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
            h.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + 2 * samples))
                    .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put("fmt ".getBytes(StandardCharsets.US_ASCII))
                    .putInt(16).putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE * 2)
                    .putShort((short) 2).putShort((short) 16)
                    .put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) (2 * samples));
            out.write(h.array());
            long written = 0;
            for (int song = 0; written < samples; song = (song + 1) % songs.size()) {
                for (float v : songs.get(song)) {
                    if (written++ == samples) {
                        break;
                    }
                    short s = (short) Math.round(Math.max(-1, Math.min(1, v)) * 32767);
                    out.writeShort(Short.reverseBytes(s));
                }
            }
        }
    }

    private static float[] mono16k(Path song) throws Exception {
        DecodedAudio d = AudioFileDecoder.decode(song);
        float[] mono = new AudioAnalyzer().prepare(d.interleaved(), d.channels(), d.sampleRate()).signal();
        return new Resampler(22_050, RATE).process(mono);
    }
}
