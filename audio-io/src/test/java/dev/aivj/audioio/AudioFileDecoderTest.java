package dev.aivj.audioio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AudioFileDecoderTest {

    @TempDir
    Path tmp;

    // ------------------------------------------------------------------ real music

    @Test
    void decodesFullRealOggSong() throws Exception {
        Path song = MusicCache.sectoidSong("War of freedom");
        long t0 = System.nanoTime();
        DecodedAudio a = AudioFileDecoder.decode(song);
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.printf("decoded %s (%s) in %.0f ms%n", song.getFileName(), a, ms);
        assertEquals("ogg-vorbis", a.format());
        assertEquals(2, a.channels());
        assertEquals(44100, a.sampleRate());
        assertEquals(7711192 / 44100.0, a.durationSeconds(), 0.05); // final granule position
        assertTrue(rms(a.mono()) > 0.05, "music is not silent");
        assertInRange(a.interleaved());
    }

    /**
     * A real file whose last Ogg page is small: a 0.25 s click followed by 3 s of digital silence,
     * which libvorbis writes as one-byte packets. vorbisspi left such pages in its read buffer at end
     * of file and decoded only 0.22 s of 3.21 s (colobot's music010.ogg lost 57 s the same way).
     * Expected figures are ffmpeg's decode of the file; see the README next to it.
     */
    @Test
    void decodesOggWithSmallLastPages() throws Exception {
        DecodedAudio a = AudioFileDecoder.decode(testResource("unknown-horizons-click.ogg"));
        assertEquals("ogg-vorbis", a.format());
        assertEquals(2, a.channels());
        assertEquals(141_488, a.frames()); // final granule position; ffmpeg decodes as many
        float[] mono = a.mono();
        float[] click = Arrays.copyOf(mono, 11_025);
        assertEquals(0.03083, rms(click), 5e-4);
        assertEquals(0.3907, peak(click), 2e-3);
        assertEquals(0.0, peak(Arrays.copyOfRange(mono, 13_230, mono.length)), "silence after 0.3 s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wav", "flac", "mp3", "ogg"})
    void decodesDerivedClipFormats(String ext) throws Exception {
        DecodedAudio a = AudioFileDecoder.decode(MusicCache.clip(ext));
        assertEquals(ext.equals("ogg") ? "ogg-vorbis" : ext, a.format());
        assertEquals(2, a.channels());
        assertEquals(44100, a.sampleRate());
        assertEquals(30.0, a.durationSeconds(), 0.1);
        assertInRange(a.interleaved());
        assertTrue(rms(a.mono()) > 0.05, "music is not silent");
    }

    @Test
    void derivedFormatsCarryTheSameMusic() throws Exception {
        float[] wav = AudioFileDecoder.decode(MusicCache.clip("wav")).mono();
        float[] flac = AudioFileDecoder.decode(MusicCache.clip("flac")).mono();
        float[] mp3 = AudioFileDecoder.decode(MusicCache.clip("mp3")).mono();
        float[] ogg = AudioFileDecoder.decode(MusicCache.clip("ogg")).mono();
        assertTrue(bestCorrelation(wav, 0, flac, 0) > 0.999, "FLAC is a lossless copy of the WAV");
        assertTrue(bestCorrelation(wav, 0, mp3, 0) > 0.9, "MP3 correlates with WAV");
        assertTrue(bestCorrelation(wav, 0, ogg, 0) > 0.9, "OGG clip correlates with WAV");
        // The clip is seconds 30..60 of the original song.
        float[] song = AudioFileDecoder.decode(MusicCache.sectoidSong("Metal madness")).mono();
        assertTrue(bestCorrelation(wav, 0, song, 30 * 44100) > 0.9, "clip correlates with the original song");
        // ...and not with another part of it (the check is meaningful).
        assertTrue(bestCorrelation(wav, 0, song, 90 * 44100) < 0.6, "unrelated section does not correlate");
    }

    @Test
    void decidesFormatByContentNotExtension() throws Exception {
        Path disguised = tmp.resolve("actually-flac.mp3");
        Files.copy(MusicCache.clip("flac"), disguised);
        assertEquals("flac", AudioFileDecoder.decode(disguised).format());
        Path noExt = tmp.resolve("song");
        Files.copy(MusicCache.clip("mp3"), noExt);
        assertEquals("mp3", AudioFileDecoder.decode(noExt).format());
    }

    @Test
    void decodesWavBitDepthsAndFloat() throws Exception {
        DecodedAudio ref = AudioFileDecoder.decode(MusicCache.clip("wav"));
        float[] pcm = Arrays.copyOf(ref.interleaved(), 44100 * 2 * 3); // 3 s stereo
        int[][] variants = {{1, 8}, {1, 16}, {1, 24}, {1, 32}, {3, 32}, {3, 64}};
        for (int[] v : variants) {
            Path f = tmp.resolve("v" + v[0] + "_" + v[1] + ".wav");
            writeWav(f, pcm, 2, 44100, v[0], v[1]);
            DecodedAudio a = AudioFileDecoder.decode(f);
            assertEquals(2, a.channels());
            assertEquals(3.0, a.durationSeconds(), 1e-9);
            double tol = v[1] == 8 ? 1.0 / 64 : 1e-4;
            double maxErr = 0;
            for (int i = 0; i < pcm.length; i++) {
                maxErr = Math.max(maxErr, Math.abs(pcm[i] - a.interleaved()[i]));
            }
            assertTrue(maxErr < tol, "format " + v[0] + "/" + v[1] + " bit: max error " + maxErr);
        }
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void missingFileAndDirectory() {
        assertBad(tmp.resolve("nope.ogg"), "file not found");
        assertBad(tmp, "is a directory");
    }

    @Test
    void emptyTextAndRandomFiles() throws IOException {
        assertBad(Files.write(tmp.resolve("empty.mp3"), new byte[0]), "empty file");
        assertBad(Files.writeString(tmp.resolve("notes.mp3"), "This is not music.\nJust some text, honestly.\n"),
                "not an audio file");
        byte[] rnd = new byte[300_000];
        Random r = new Random(42);
        for (int seed = 0; seed < 5; seed++) {
            r.nextBytes(rnd);
            Path f = Files.write(tmp.resolve("random" + seed + ".mp3"), rnd);
            assertThrows(AudioDecodeException.class, () -> AudioFileDecoder.decode(f));
        }
        // Random bytes that start with a plausible MPEG frame header are still rejected.
        r.nextBytes(rnd);
        rnd[0] = (byte) 0xFF;
        rnd[1] = (byte) 0xFB;
        rnd[2] = (byte) 0x90;
        rnd[3] = (byte) 0x64;
        assertBad(Files.write(tmp.resolve("sync.mp3"), rnd), "");
        // A text file with an ID3 tag in front of it is rejected too.
        byte[] id3 = "ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0010hello world, just text here, no audio at all"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertBad(Files.write(tmp.resolve("id3.mp3"), id3), "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wav", "flac", "mp3", "ogg"})
    void truncatedFilesAreRejected(String ext) throws IOException {
        byte[] all = Files.readAllBytes(MusicCache.clip(ext));
        // Cut in the middle of a frame. (A tag-less constant-bitrate MP3 cut exactly on a frame
        // boundary is a valid, shorter MP3 and cannot be told apart from one.)
        int half = all.length / 2 + 313;
        assertBad(Files.write(tmp.resolve("half." + ext), Arrays.copyOf(all, half)), "");
        assertBad(Files.write(tmp.resolve("head." + ext), Arrays.copyOf(all, 200)), "");
        assertBad(Files.write(tmp.resolve("tiny." + ext), Arrays.copyOf(all, 7)), "");
    }

    @Test
    void truncatedRealOggSong() throws IOException {
        byte[] all = Files.readAllBytes(MusicCache.sectoidSong("Metal madness"));
        assertBad(Files.write(tmp.resolve("half.ogg"), Arrays.copyOf(all, all.length / 2)), "truncated");
        assertBad(Files.write(tmp.resolve("head.ogg"), Arrays.copyOf(all, 200)), "truncated");
    }

    @Test
    void oggWithMissingPagesIsRejected() throws IOException {
        // Complete headers and end-of-stream page, but 30% of the audio pages are gone.
        byte[] all = Files.readAllBytes(MusicCache.sectoidSong("Metal madness"));
        Path f = Files.write(tmp.resolve("holes.ogg"), withoutOggPages(all, 0.4, 0.7));
        assertBad(f, "truncated or corrupt Ogg Vorbis data");
    }

    @Test
    void corruptedMiddleDoesNotHang() throws IOException {
        for (String ext : new String[] {"ogg", "mp3", "flac"}) {
            byte[] all = Files.readAllBytes(MusicCache.clip(ext));
            Random r = new Random(7);
            for (int i = all.length / 3; i < all.length / 3 + 20_000; i++) {
                all[i] = (byte) r.nextInt();
            }
            Path f = Files.write(tmp.resolve("corrupt." + ext), all);
            // Either decodes (with glitches) or fails cleanly; never hangs or throws anything else.
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                try {
                    AudioFileDecoder.decode(f);
                } catch (AudioDecodeException e) {
                    assertFalse(e.reason().contains("\n"));
                }
            });
        }
    }

    @Test
    void fileSizeLimit() throws IOException {
        assertBad(MusicCache.clip("wav"), AudioFileDecoder.Limits.DEFAULT.withMaxFileBytes(1000), "file too large");
        Path sparse = tmp.resolve("huge.wav");
        try (RandomAccessFile raf = new RandomAccessFile(sparse.toFile(), "rw")) {
            raf.setLength((1L << 30) + 1); // sparse: takes no disk space
        }
        assertBad(sparse, AudioFileDecoder.Limits.DEFAULT, "file too large");
    }

    @Test
    void durationLimit() throws IOException {
        for (String ext : new String[] {"wav", "flac", "mp3", "ogg"}) {
            assertBad(MusicCache.clip(ext), AudioFileDecoder.Limits.DEFAULT.withMaxDurationSeconds(10), "too long");
        }
        // A WAV header claiming 2 hours (streaming-style size field) is refused before decoding.
        Path f = tmp.resolve("long.wav");
        writeWav(f, new float[44100 * 2], 2, 44100, 1, 16);
        byte[] b = Files.readAllBytes(f);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 0xFFFFFFFF);
        Files.write(f, b);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(44 + 44100L * 4 * 60 * 40); // 40 minutes of (sparse) silence
        }
        assertBad(f, AudioFileDecoder.Limits.DEFAULT, "too long");
    }

    // ------------------------------------------------------------------ helpers

    private static void assertBad(Path f, String expected) {
        assertBad(f, AudioFileDecoder.Limits.DEFAULT, expected);
    }

    private static void assertBad(Path f, AudioFileDecoder.Limits limits, String expected) {
        AudioDecodeException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(AudioDecodeException.class, () -> AudioFileDecoder.decode(f, limits),
                        () -> f.getFileName() + " should be rejected"));
        assertFalse(e.reason().isBlank());
        assertFalse(e.getMessage().contains("\n"), "one-line message: " + e.getMessage());
        assertTrue(e.reason().contains(expected), "reason for " + f.getFileName() + ": " + e.reason());
    }

    private static Path testResource(String name) throws Exception {
        return Path.of(AudioFileDecoderTest.class.getResource(name).toURI());
    }

    /** The Ogg file without the pages that start between the two fractions of its length. */
    private static byte[] withoutOggPages(byte[] ogg, double from, double to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < ogg.length) {
            int segments = ogg[pos + 26] & 0xff;
            int length = 27 + segments;
            for (int i = 0; i < segments; i++) {
                length += ogg[pos + 27 + i] & 0xff;
            }
            if (pos < ogg.length * from || pos >= ogg.length * to) {
                out.write(ogg, pos, length);
            }
            pos += length;
        }
        return out.toByteArray();
    }

    private static double peak(float[] x) {
        double p = 0;
        for (float v : x) {
            p = Math.max(p, Math.abs(v));
        }
        return p;
    }

    private static void assertInRange(float[] x) {
        for (float v : x) {
            if (!(v >= -1f && v <= 1f)) {
                throw new AssertionError("sample out of range: " + v);
            }
        }
    }

    private static double rms(float[] x) {
        double s = 0;
        for (float v : x) {
            s += v * v;
        }
        return Math.sqrt(s / Math.max(1, x.length));
    }

    /** Max normalised cross-correlation of 2 s windows, over lags of +-2500 samples. */
    static double bestCorrelation(float[] a, int aStart, float[] b, int bStart) {
        int len = 2 * 44100;
        int a0 = aStart + 10 * 44100;
        int maxLag = 2500;
        double best = -1;
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            int b0 = bStart + 10 * 44100 + lag;
            if (b0 < 0 || b0 + len > b.length || a0 + len > a.length) {
                continue;
            }
            double sab = 0;
            double saa = 0;
            double sbb = 0;
            for (int i = 0; i < len; i++) {
                double x = a[a0 + i];
                double y = b[b0 + i];
                sab += x * y;
                saa += x * x;
                sbb += y * y;
            }
            best = Math.max(best, sab / Math.sqrt(saa * sbb + 1e-20));
        }
        return best;
    }

    /** Writes a WAV file: tag 1 = integer PCM (8-bit unsigned, else signed), tag 3 = IEEE float. */
    static void writeWav(Path f, float[] pcm, int channels, int rate, int tag, int bits) throws IOException {
        int bps = bits / 8;
        ByteBuffer b = ByteBuffer.allocate(44 + pcm.length * bps).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + pcm.length * bps)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) tag)
                .putShort((short) channels).putInt(rate).putInt(rate * channels * bps)
                .putShort((short) (channels * bps)).putShort((short) bits)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(pcm.length * bps);
        for (float x : pcm) {
            double v = Math.max(-1, Math.min(1, x));
            if (tag == 3) {
                if (bits == 32) {
                    b.putFloat((float) v);
                } else {
                    b.putDouble(v);
                }
            } else if (bits == 8) {
                b.put((byte) (Math.round(v * 127) + 128));
            } else {
                long q = Math.round(v * ((1L << (bits - 1)) - 1));
                for (int k = 0; k < bps; k++) {
                    b.put((byte) (q >> (8 * k)));
                }
            }
        }
        Files.write(f, b.array());
    }
}
