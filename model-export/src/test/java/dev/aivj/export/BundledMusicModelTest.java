package dev.aivj.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivj.audioio.AudioFileDecoder;
import dev.aivj.audioio.DecodedAudio;
import dev.aivj.audioio.MusicCache;
import dev.aivj.training.music.ManifestCorpus;
import dev.aivj.engine.AudioAnalyzer;
import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.model.ModelOutput;
import dev.aivj.engine.model.MusicModel;
import dev.aivj.engine.model.VisualParameters;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The model bundle the web app serves at /models/music-v1/ loads in engine-core and runs on a real song clip. */
class BundledMusicModelTest {
    static final Path BUNDLE = Path.of("..", "web-frontend", "src", "main", "resources", "web", "models", "music-v1");

    @Test
    void bundledModelGivesStyleProbabilitiesSummingToOneOnARealClip() throws Exception {
        MusicModel model = MusicModel.load(Files.readString(BUNDLE.resolve("manifest.json")),
                Files.readAllBytes(BUNDLE.resolve("weights.bin")));
        DecodedAudio audio = AudioFileDecoder.decode(MusicCache.clip("wav"));
        FrameFeatures f = new AudioAnalyzer().analyze(audio.interleaved(), audio.channels(), audio.sampleRate()).frames();
        ModelOutput out = model.run(f);
        int labels = model.labels().length;
        assertEquals(f.frames() / model.spec().framesPerStep(), out.steps());
        assertTrue(out.steps() > 100, "30 s clip gives " + out.steps() + " steps");
        assertEquals(out.steps() * labels, out.styleProbabilities().length);
        assertEquals(out.steps() * VisualParameters.COUNT, out.visualParameters().length);
        for (int s = 0; s < out.steps(); s++) {
            double sum = 0;
            for (int l = 0; l < labels; l++) {
                float p = out.probability(s, l);
                assertTrue(p >= 0 && p <= 1);
                sum += p;
            }
            assertEquals(1.0, sum, 1e-4, "step " + s);
            for (int v = 0; v < VisualParameters.COUNT; v++) {
                float u = out.visual(s, v);
                assertTrue(u >= 0 && u <= 1, "visual " + v + " at step " + s + ": " + u);
            }
        }
    }

    /**
     * A trained model, not just a well-formed one: it names the style of real pieces. The four Sectoid songs (rock,
     * training split) must read rock and Grieg's "Morning" (unknown-horizons, classical, test split, fetched by
     * {@code ./aivj test}) classical. Eight seeds of random weights (0.3·N(0,1) after this bundle's normaliser) each
     * missed at least one of the five.
     */
    @Test
    void bundledModelNamesTheStylesOfRealPieces() throws Exception {
        MusicModel model = MusicModel.load(Files.readString(BUNDLE.resolve("manifest.json")),
                Files.readAllBytes(BUNDLE.resolve("weights.bin")));
        List<String> labels = List.of(model.labels());
        java.util.Map<Path, String> pieces = new java.util.LinkedHashMap<>();
        for (String song : List.of("Metal madness", "Escape from chaosland", "Feelings", "War of freedom")) {
            pieces.put(MusicCache.sectoidSong(song), "rock");
        }
        Path morning = ManifestCorpus.defaultAudioDir().resolve("unknown-horizons/usr/share/unknown-horizons/content/"
                + "audio/music/Peer Gynt Suite No. 1, Op. 46 - I. Morning.ogg");
        assertTrue(Files.isRegularFile(morning), morning + " is missing: ./aivj test fetches the corpus's test split");
        pieces.put(morning, "classical");
        List<String> wrong = new java.util.ArrayList<>();
        for (java.util.Map.Entry<Path, String> e : pieces.entrySet()) {
            double[] p = meanProbabilities(model, e.getKey());
            String read = labels.get(argmax(p));
            System.out.println("BundledMusicModelTest: " + e.getKey().getFileName() + " (" + e.getValue() + ") reads "
                    + read + " " + Arrays.toString(p));
            if (!read.equals(e.getValue())) {
                wrong.add(e.getKey().getFileName() + " read " + read);
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static double[] meanProbabilities(MusicModel model, Path file) throws Exception {
        DecodedAudio audio = AudioFileDecoder.decode(file);
        ModelOutput out = model.run(new AudioAnalyzer().analyze(audio.interleaved(), audio.channels(),
                audio.sampleRate()).frames());
        double[] mean = new double[model.labels().length];
        for (int s = 0; s < out.steps(); s++) {
            for (int l = 0; l < mean.length; l++) {
                mean[l] += out.probability(s, l) / out.steps();
            }
        }
        return mean;
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            best = p[i] > p[best] ? i : best;
        }
        return best;
    }

    @Test
    void modelCardMatchesTheBundle() throws Exception {
        JsonNode card = new ObjectMapper().readTree(BUNDLE.resolve("model-card.json").toFile());
        byte[] weights = Files.readAllBytes(BUNDLE.resolve("weights.bin"));
        assertEquals(weights.length, card.get("weightBytes").asLong());
        assertEquals(dev.aivj.engine.model.Sha256.hex(weights), card.get("weightsSha256").asText());
        assertEquals("teacher", card.get("visualTargets").asText());
        MusicModel model = MusicModel.load(Files.readString(BUNDLE.resolve("manifest.json")), weights);
        String[] labels = new String[card.get("heldOut").get("labels").size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = card.get("heldOut").get("labels").get(i).asText();
        }
        assertArrayEquals(model.labels(), labels);
        String md = Files.readString(BUNDLE.resolve("model-card.md"));
        assertTrue(md.contains("TEACHER targets, not human ground truth"));
    }
}
