package dev.aivj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivj.audioio.MusicCache;
import dev.aivj.engine.mix.LayerMix;
import dev.aivj.engine.model.FixtureBundles;
import java.net.URL;
import java.net.URLClassLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run analyze(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AnalyzeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static JsonNode analyzeOk(Path f, String... extra) throws Exception {
        String[] args = new String[extra.length + 1];
        args[0] = f.toString();
        System.arraycopy(extra, 0, args, 1, extra.length);
        Run r = analyze(args);
        assertEquals(0, r.code(), "exit code, stderr: " + r.err());
        assertEquals("", r.err());
        assertEquals(1, r.out().strip().lines().count(), "one JSON object on one line");
        JsonNode j = JSON.readTree(r.out());
        assertEquals(f.toString(), j.path("source").path("file").asText());
        assertEquals(2, j.path("source").path("channels").asInt());
        assertEquals(44100, j.path("source").path("sampleRate").asInt());
        assertEquals(22050, j.path("source").path("decodedSampleRate").asInt(), "decoded straight to the engine's rate");
        assertTrue(j.path("source").path("decoder").asText().startsWith("Chromium "), j.path("source").toString());
        assertTrue(j.path("durationSeconds").isNumber());
        assertTrue(j.path("tempo").path("bpm").isNumber());
        assertTrue(j.path("tempo").path("confidence").isNumber());
        assertTrue(j.path("beats").isArray() && j.path("beats").size() > 0);
        assertTrue(j.path("frames").isObject());
        return j;
    }

    @Test
    void analyzesRealOggSong() throws Exception {
        JsonNode j = analyzeOk(MusicCache.sectoidSong("Metal madness"));
        assertEquals("ogg-vorbis", j.path("source").path("format").asText());
        assertEquals(143.68, j.path("durationSeconds").asDouble(), 0.05);
    }

    @Test
    void fourFormatsAgreeOnTempo() throws Exception {
        double[] bpm = new double[4];
        String[] ext = {"ogg", "wav", "flac", "mp3"};
        for (int i = 0; i < 4; i++) {
            JsonNode j = analyzeOk(MusicCache.clip(ext[i]));
            assertEquals(ext[i].equals("ogg") ? "ogg-vorbis" : ext[i], j.path("source").path("format").asText());
            assertEquals(30.0, j.path("durationSeconds").asDouble(), 0.1);
            bpm[i] = j.path("tempo").path("bpm").asDouble();
        }
        double spread = Arrays.stream(bpm).max().orElseThrow() - Arrays.stream(bpm).min().orElseThrow();
        assertTrue(spread <= 1.0, "tempo of OGG/WAV/FLAC/MP3: " + Arrays.toString(bpm));
    }

    @Test
    void withMelAddsTheSpectrogram() throws Exception {
        JsonNode plain = analyzeOk(MusicCache.clip("wav"));
        JsonNode mel = analyzeOk(MusicCache.clip("wav"), "--with-mel");
        assertTrue(mel.toString().length() > plain.toString().length(), "--with-mel output is larger");
        assertTrue(mel.toString().toLowerCase().contains("mel"));
    }

    @Test
    void badFilesGiveOneLineAndExitCode1() throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.ogg"), "not music\n");
        Path empty = Files.write(tmp.resolve("empty.wav"), new byte[0]);
        byte[] ogg = Files.readAllBytes(MusicCache.clip("ogg"));
        Path half = Files.write(tmp.resolve("half.ogg"), Arrays.copyOf(ogg, ogg.length / 2));
        byte[] flac = Files.readAllBytes(MusicCache.clip("flac"));
        Path head = Files.write(tmp.resolve("head.flac"), Arrays.copyOf(flac, 200));
        for (Path f : new Path[] {text, empty, half, head, tmp.resolve("missing.mp3"), tmp}) {
            Run r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> analyze(f.toString()));
            assertEquals(1, r.code(), f + ": " + r.err());
            assertEquals("", r.out());
            assertEquals(1, r.err().lines().count(), "one stderr line: " + r.err());
            assertTrue(r.err().startsWith("aivj analyze: " + f + ": "), r.err());
        }
    }

    @Test
    void usageErrorsExitWith2() {
        for (String[] args : new String[][] {{}, {"--bogus", "x.ogg"}, {"a.ogg", "b.ogg"}}) {
            Run r = analyze(args);
            assertEquals(2, r.code());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("aivj analyze: "), r.err());
        }
    }

    /** A class loader whose only resources are {@code root} (e.g. with web/models/music-v1/ below it). */
    static ClassLoader classpathOf(Path root) throws Exception {
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
    }

    static Run analyzeWith(ClassLoader classpath, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AnalyzeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), classpath);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** UNTRAINED fixture bundle (seeded random weights) placed where the shipped model would be. */
    private Path fixtureClasspath() throws Exception {
        Path root = tmp.resolve("cp");
        FixtureBundles.writeTo(root.resolve("web/models/music-v1"));
        return root;
    }

    @Test
    void bundledModelAddsStyleAndSegments() throws Exception {
        Path clip = MusicCache.clip("wav");
        Run r = analyzeWith(classpathOf(fixtureClasspath()), clip.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        JsonNode j = JSON.readTree(r.out());
        String label = j.path("style").path("label").asText();
        assertTrue(Arrays.asList(FixtureBundles.LABELS).contains(label), "style.label " + label);
        double c = j.path("style").path("confidence").asDouble(-1);
        assertTrue(c > 0 && c <= 1, "confidence " + c);
        assertEquals(FixtureBundles.LABELS.length, j.path("style").path("probabilities").size());
        JsonNode segs = j.path("segments");
        assertTrue(segs.isArray() && segs.size() >= 1);
        assertEquals(0.0, segs.get(0).path("start").asDouble(-1), 0);
        for (JsonNode seg : segs) {
            assertTrue(seg.path("end").asDouble() > seg.path("start").asDouble());
            assertTrue(Arrays.asList(FixtureBundles.LABELS).contains(seg.path("style").asText()));
            assertEquals(9, seg.path("visual").size());
        }
        assertEquals("bundled web/models/music-v1/", j.path("model").path("source").asText());
        // --no-model and an empty classpath: no style.
        JsonNode none = JSON.readTree(analyzeWith(classpathOf(fixtureClasspath()), clip.toString(), "--no-model").out());
        assertTrue(!none.has("style") && !none.has("segments") && !none.has("model"));
        JsonNode absent = JSON.readTree(analyzeWith(classpathOf(tmp.resolve("empty-cp")), clip.toString()).out());
        assertTrue(!absent.has("style") && !absent.has("segments"));
        // --model DIR gives the same result as the bundled copy.
        Run dir = analyzeWith(classpathOf(tmp.resolve("empty-cp")), clip.toString(), "--model",
                fixtureClasspath().resolve("web/models/music-v1").toString());
        assertEquals(0, dir.code(), dir.err());
        assertEquals(j.path("segments"), JSON.readTree(dir.out()).path("segments"));
    }

    @Test
    void theShippedPairLibraryAddsOnePairPerSectionDeterministicallyForASeed() throws Exception {
        Path song = MusicCache.sectoidSong("Metal madness");
        JsonNode j = JSON.readTree(analyze(song.toString()).out());
        JsonNode pairs = j.path("pairs");
        System.out.println("AnalyzeCommandTest: Metal madness pairs " + pairs);
        assertTrue(pairs.isArray() && pairs.size() >= 2, "sections: " + pairs);
        assertEquals(0.0, pairs.get(0).path("start").asDouble(-1), 0);
        assertEquals(j.path("durationSeconds").asDouble(), pairs.get(pairs.size() - 1).path("end").asDouble(), 1e-9);
        for (int i = 0; i < pairs.size(); i++) {
            JsonNode p = pairs.get(i);
            assertTrue(p.path("fg").asText().contains("/") && p.path("bg").asText().contains("/"), p.toString());
            double q = p.path("quality").asDouble(-1);
            assertTrue(q > 0 && q <= 1, p.toString());
            assertTrue(Math.abs(p.path("w_s").asDouble(9)) <= 4 && Math.abs(p.path("w_t").asDouble(9)) <= 4);
            // The layer mix travels in the plan: the engine's policy for this pair's coupling weights.
            LayerMix mix = LayerMix.of(p.path("w_s").asDouble(), p.path("w_t").asDouble());
            JsonNode m = p.path("mix");
            assertEquals(mix.blendMode(), m.path("blendMode").asText(), p.toString());
            assertEquals(mix.fgOpacity(), m.path("fgOpacity").asDouble(-1), 1e-12);
            assertEquals(mix.bgOpacity(), m.path("bgOpacity").asDouble(-1), 1e-12);
            assertEquals(mix.transitionSeconds(), m.path("transitionSeconds").asDouble(-1), 1e-12);
            assertEquals(mix.followSeconds(), m.path("followSeconds").asDouble(-1), 1e-12);
            if (i > 0) {
                assertEquals(pairs.get(i - 1).path("end").asDouble(), p.path("start").asDouble(), 1e-9);
                assertTrue(p.path("end").asDouble() - p.path("start").asDouble() >= 8 - 1e-9, "section >= 8 s");
            }
        }
        assertEquals(pairs, JSON.readTree(analyze(song.toString(), "--seed", "1").out()).path("pairs"),
                "the default seed is 1: same pairs");
        JsonNode none = JSON.readTree(analyze(song.toString(), "--no-pairs").out());
        assertTrue(!none.has("pairs"));
        Run bad = analyze(song.toString(), "--seed", "x");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--seed needs a whole number"), bad.err());
    }

    /** The page's preset preferences file: the CLI's plan leaves blocked presets out, as the page's does. */
    @Test
    void preferencesBlockPresetsFromThePlanAndBadFilesAreRefused(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        Path song = MusicCache.sectoidSong("Metal madness");
        JsonNode pairs = JSON.readTree(analyze(song.toString()).out()).path("pairs");
        java.util.List<String> blocked = new java.util.ArrayList<>();
        pairs.forEach(p -> blocked.add(p.path("fg").asText()));
        Path prefs = java.nio.file.Files.writeString(tmp.resolve("prefs.json"),
                JSON.writeValueAsString(java.util.Map.of("blocked", blocked, "favourites", java.util.List.of())));
        JsonNode replanned = JSON.readTree(analyze(song.toString(), "--preferences", prefs.toString()).out()).path("pairs");
        assertEquals(pairs.size(), replanned.size(), "the same sections");
        replanned.forEach(p -> assertTrue(!blocked.contains(p.path("fg").asText()) && !blocked.contains(p.path("bg").asText()),
                "a blocked preset in " + p));
        Path bad = java.nio.file.Files.writeString(tmp.resolve("bad.json"), "{\"blocked\": 3}");
        Run refused = analyze(song.toString(), "--preferences", bad.toString());
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("blocked must be an array of preset ids"), refused.err());
    }

    @Test
    void corruptOrIncompleteModelGivesOneLineAndExitCode1() throws Exception {
        Path clip = MusicCache.clip("wav");
        Path root = fixtureClasspath();
        Path bundle = root.resolve("web/models/music-v1");
        byte[] weights = Files.readAllBytes(bundle.resolve("weights.bin"));
        weights[100] ^= 1;
        Files.write(bundle.resolve("weights.bin"), weights);
        Run corrupt = analyzeWith(classpathOf(root), clip.toString());
        Files.delete(bundle.resolve("weights.bin"));
        Run missing = analyzeWith(classpathOf(root), clip.toString());
        Files.writeString(bundle.resolve("manifest.json"), "{not json");
        Files.write(bundle.resolve("weights.bin"), weights);
        Run badJson = analyzeWith(classpathOf(root), clip.toString());
        Run badDir = analyzeWith(classpathOf(tmp.resolve("empty-cp")), clip.toString(), "--model",
                tmp.resolve("nowhere").toString());
        for (Run r : new Run[] {corrupt, missing, badJson, badDir}) {
            assertEquals(1, r.code(), r.err());
            assertEquals("", r.out());
            assertEquals(1, r.err().lines().count(), "one stderr line: " + r.err());
            assertTrue(r.err().startsWith("aivj analyze: music model ("), r.err());
            System.out.println(r.err().strip());
        }
        assertTrue(corrupt.err().contains("SHA-256"), corrupt.err());
        assertTrue(missing.err().contains("weights.bin"), missing.err());
        assertEquals(2, analyze(clip.toString(), "--model").code());
        assertEquals(2, analyze(clip.toString(), "--model", "x", "--no-model").code());
    }

    @Test
    void mainHelpListsCommands() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code);
        String help = out.toString(StandardCharsets.UTF_8);
        for (String c : new String[] {"serve", "analyze", "./aivj --help"}) {
            assertTrue(help.contains(c), "help mentions " + c);
        }
        assertEquals(2, Main.run(new String[] {"nope"}, System.out, new PrintStream(new ByteArrayOutputStream())));
    }
}
