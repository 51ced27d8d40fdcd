package dev.aivj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivj.audioio.AudioFileDecoder;
import dev.aivj.audioio.DecodedAudio;
import dev.aivj.audioio.MusicCache;
import dev.aivj.engine.AudioAnalyzer;
import dev.aivj.engine.analysis.AnalysisResult;
import dev.aivj.engine.analysis.SignalGate;
import dev.aivj.engine.analysis.SongStyle;
import dev.aivj.engine.model.MusicModel;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Silence and near-silence get no style ("none" with a reason), through {@code aivj analyze} and the engine, with
 * the shipped music model; real music, also played quietly, keeps a style.
 */
class SilenceStyleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RATE = 44100;
    private static MusicModel model;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadModel() throws Exception {
        model = AnalyzeCommand.loadBundledModel(SilenceStyleTest.class.getClassLoader());
        assertTrue(model != null, "the shipped model web/models/music-v1/ is on the test classpath");
    }

    /** Mono 16-bit WAV of {@code samples} (−1..1). */
    private Path wav(String name, float[] samples) throws Exception {
        byte[] b = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            int v = Math.round(Math.max(-1f, Math.min(1f, samples[i])) * 32767);
            b[2 * i] = (byte) v;
            b[2 * i + 1] = (byte) (v >> 8);
        }
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        File f = tmp.resolve(name).toFile();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(b), format, samples.length),
                AudioFileFormat.Type.WAVE, f);
        return f.toPath();
    }

    /** Gaussian noise at {@code dbfs} RMS. */
    private static float[] noise(int n, double dbfs, long seed) {
        Random r = new Random(seed);
        double rms = Math.pow(10, dbfs / 20);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (rms * r.nextGaussian());
        }
        return x;
    }

    /** TPDF dither of ±1 LSB at 16 bits (about −95 dBFS RMS; peaks at −90 dBFS). */
    private static float[] dither(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) ((r.nextDouble() - r.nextDouble()) / 32767.0);
        }
        return x;
    }

    private JsonNode analyzeFile(Path f) throws Exception {
        AnalyzeCommandTest.Run r = AnalyzeCommandTest.analyze(f.toString(), "--no-pairs");
        assertEquals(0, r.code(), r.err());
        return JSON.readTree(r.out());
    }

    private static void assertNoStyle(JsonNode j, String reason) {
        JsonNode style = j.path("style");
        assertEquals("none", style.path("label").asText(), style.toString());
        assertEquals(reason, style.path("reason").asText(), style.toString());
        assertTrue(style.path("confidence").isNull(), style.toString());
        for (JsonNode seg : j.path("segments")) {
            assertEquals("none", seg.path("style").asText(), seg.toString());
            assertTrue(seg.path("reason").asText().startsWith("silence: "), seg.toString());
            assertTrue(seg.path("confidence").isNull(), seg.toString());
        }
    }

    @Test
    void digitalSilenceHasNoStyle() throws Exception {
        float[] zeros = new float[RATE * 10];
        Path f = wav("zeros.wav", zeros);
        assertNoStyle(analyzeFile(f), SignalGate.DIGITAL_SILENCE);
        // With the shipped pair library: a pair for the silent song all the same, its section without a style.
        AnalyzeCommandTest.Run r = AnalyzeCommandTest.analyze(f.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode pairs = JSON.readTree(r.out()).path("pairs");
        assertTrue(pairs.size() >= 1, r.out());
        for (JsonNode p : pairs) {
            assertEquals("none", p.path("style").asText(), p.toString());
            assertTrue(p.path("fg").isTextual() && p.path("score").isNumber(), p.toString());
        }
        SongStyle s = SongStyle.analyze(model, new AudioAnalyzer().analyze(zeros, 1, RATE));
        assertTrue(!s.hasStyle());
        assertNull(s.label());
        assertEquals(SignalGate.DIGITAL_SILENCE, s.reason());
        assertEquals(1, s.segments().size());
        assertTrue(s.segments().get(0).none());
    }

    @Test
    void ditherAtMinus90DbfsHasNoStyle() throws Exception {
        float[] d = dither(RATE * 10, 1);
        assertNoStyle(analyzeFile(wav("dither.wav", d)), SignalGate.BELOW_FLOOR);
        SongStyle s = SongStyle.analyze(model, new AudioAnalyzer().analyze(d, 1, RATE));
        assertEquals(SignalGate.BELOW_FLOOR, s.reason());
        for (int i = 0; i < s.output().steps(); i++) {
            assertTrue(s.stepLevel(i) < -85, "step " + i + " at " + s.stepLevel(i) + " dBFS");
        }
    }

    @Test
    void nearSilentNoiseHasNoStyleButQuietNoiseHasOne() throws Exception {
        assertNoStyle(analyzeFile(wav("hiss.wav", noise(RATE * 10, -66, 2))), SignalGate.BELOW_FLOOR);
        JsonNode quiet = analyzeFile(wav("quiet.wav", noise(RATE * 10, -50, 3)));
        assertTrue(quiet.path("style").path("reason").isNull(), quiet.path("style").toString());
        assertTrue(!quiet.path("style").path("label").asText().equals("none"));
    }

    private static float[] mono(DecodedAudio a) {
        float[] x = a.interleaved();
        int ch = a.channels();
        float[] m = new float[x.length / ch];
        for (int i = 0; i < m.length; i++) {
            for (int c = 0; c < ch; c++) {
                m[i] += x[i * ch + c] / ch;
            }
        }
        return m;
    }

    private static double rmsDbfs(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += (double) v * v;
        }
        return SignalGate.dbfs(sum / x.length);
    }

    /**
     * Real tracks, also scaled to −40 dBFS RMS (a quiet ambient level), keep a style, and few of their steps fall
     * below the floor (only lead-ins and fade-outs; 0–6 % measured). Prints the numbers behind SignalGate's floor.
     */
    @Test
    void realTracksHaveAStyleAlsoPlayedAtMinus40Dbfs() throws Exception {
        Path[] tracks = {MusicCache.sectoidSong("Metal madness"), MusicCache.sectoidSong("Feelings"),
            MusicCache.sectoidSong("Escape from chaosland"), MusicCache.sectoidSong("War of freedom"),
            MusicCache.chiptune()};
        for (Path t : tracks) {
            float[] x = mono(AudioFileDecoder.decode(t));
            SongStyle s = SongStyle.analyze(model, new AudioAnalyzer().analyze(x, 1, RATE));
            assertTrue(s.hasStyle(), t + ": " + s.reason());
            assertTrue(Arrays.asList(model.labels()).contains(s.label()));
            double gain = Math.pow(10, (-40 - rmsDbfs(x)) / 20); // the whole track at −40 dBFS RMS
            float[] quiet = x.clone();
            for (int i = 0; i < quiet.length; i++) {
                quiet[i] *= (float) gain;
            }
            SongStyle q = SongStyle.analyze(model, new AudioAnalyzer().analyze(quiet, 1, RATE));
            assertTrue(q.hasStyle(), t + " at -40 dBFS: " + q.reason());
            assertTrue(belowShare(s) < 0.07 && belowShare(q) < 0.07, t + ": " + levels(s) + "; " + levels(q));
            System.out.println(String.format(Locale.ROOT, "%s: %s; at -40 dBFS %s; below the floor at%s",
                    t.getParent().getFileName() + "/" + t.getFileName(), levels(s), levels(q), belowFloorTimes(s)));
        }
    }

    @Test
    void aSilentGapGetsNoneStepsOnlyInTheGap() throws Exception {
        float[] x = mono(AudioFileDecoder.decode(MusicCache.sectoidSong("Escape from chaosland")));
        double gapStart = 40;
        double gapEnd = 50;
        SongStyle plain = SongStyle.analyze(model, new AudioAnalyzer().analyze(x, 1, RATE));
        float[] gapped = x.clone();
        Arrays.fill(gapped, (int) (gapStart * RATE), (int) (gapEnd * RATE), 0f);
        SongStyle s = SongStyle.analyze(model, new AudioAnalyzer().analyze(gapped, 1, RATE));
        assertTrue(s.hasStyle(), s.reason());
        double step = s.output().stepSeconds();
        double margin = 0.1; // a frame's window reaches 23 ms beyond its step; resampling rings a little
        int inGap = 0;
        for (int i = 0; i < s.output().steps(); i++) {
            double t0 = i * step;
            double t1 = t0 + step;
            if (t0 >= gapStart + margin && t1 <= gapEnd - margin) {
                assertTrue(s.stepReason(i) != null && s.stepReason(i).startsWith("silence: "), "gap step " + i);
                inGap++;
            } else if (t1 <= gapStart - margin || t0 >= gapEnd + margin) {
                assertEquals(plain.stepReason(i) != null, s.stepReason(i) != null, "step " + i + " outside the gap");
            }
        }
        // Every step wholly inside the gap (less the margins), bar the two at its edges, is counted above.
        assertTrue(inGap >= (gapEnd - gapStart - 2 * margin) / step - 2, inGap + " gap steps of " + step + " s");
        boolean gapSegment = false;
        double edge = step + margin; // segments start and end on step boundaries
        for (SongStyle.Segment seg : s.segments()) {
            if (seg.none() && seg.start() <= gapStart + edge && seg.end() >= gapEnd - edge) {
                gapSegment = true;
                assertEquals("none", seg.style());
            }
            if (seg.end() <= gapStart - margin || seg.start() >= gapEnd + margin) {
                // outside the gap only the track's own quiet steps (if any) can be "none"
                for (int i = seg.firstStep(); i < seg.firstStep() + seg.steps() && seg.none(); i++) {
                    assertTrue(plain.stepReason(i) != null, "none segment outside the gap at step " + i);
                }
            }
        }
        assertTrue(gapSegment, "one none segment covers the gap");
        System.out.println("below-floor steps of the plain track at " + belowFloorTimes(plain));
    }

    /** The times (s) of a track's below-floor steps, as runs "from-to". */
    private static String belowFloorTimes(SongStyle s) {
        StringBuilder b = new StringBuilder();
        double step = s.output().stepSeconds();
        int n = s.output().steps();
        for (int i = 0; i < n; i++) {
            if (s.stepReason(i) != null && (i == 0 || s.stepReason(i - 1) == null)) {
                int j = i;
                while (j + 1 < n && s.stepReason(j + 1) != null) {
                    j++;
                }
                b.append(String.format(Locale.ROOT, " %.1f-%.1f", i * step, (j + 1) * step));
            }
        }
        return b.append(String.format(Locale.ROOT, " (of %.1f s)", n * step)).toString();
    }

    private static double belowShare(SongStyle s) {
        int below = 0;
        for (int i = 0; i < s.output().steps(); i++) {
            below += s.stepReason(i) != null ? 1 : 0;
        }
        return (double) below / s.output().steps();
    }

    private static String levels(SongStyle s) {
        int n = s.output().steps();
        double[] l = new double[n];
        int below = 0;
        for (int i = 0; i < n; i++) {
            l[i] = s.stepLevel(i);
            below += s.stepReason(i) != null ? 1 : 0;
        }
        Arrays.sort(l);
        return String.format(Locale.ROOT, "%s %.0f%%, steps below floor %d/%d, p1 %.1f p5 %.1f p50 %.1f dBFS",
                s.label(), 100 * s.confidence(), below, n, l[n / 100], l[n / 20], l[n / 2]);
    }
}
