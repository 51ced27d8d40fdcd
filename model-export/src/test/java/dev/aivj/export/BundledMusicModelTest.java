package dev.aivj.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivj.audioio.AudioFileDecoder;
import dev.aivj.audioio.DecodedAudio;
import dev.aivj.audioio.MusicCache;
import dev.aivj.engine.AudioAnalyzer;
import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.model.ModelOutput;
import dev.aivj.engine.model.MusicModel;
import dev.aivj.engine.model.VisualParameters;
import java.nio.file.Files;
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
     * A trained model, not just a well-formed one: the clip is from "Metal madness", a rock song of the training
     * split, and the model must name it rock with most of its probability. Random weights spread it near 1/labels
     * (0.2 for five labels) and would fail.
     */
    @Test
    void bundledModelNamesTheStyleOfATrainingSong() throws Exception {
        MusicModel model = MusicModel.load(Files.readString(BUNDLE.resolve("manifest.json")),
                Files.readAllBytes(BUNDLE.resolve("weights.bin")));
        DecodedAudio audio = AudioFileDecoder.decode(MusicCache.clip("wav"));
        ModelOutput out = model.run(new AudioAnalyzer().analyze(audio.interleaved(), audio.channels(),
                audio.sampleRate()).frames());
        String[] labels = model.labels();
        double[] mean = new double[labels.length];
        for (int s = 0; s < out.steps(); s++) {
            for (int l = 0; l < labels.length; l++) {
                mean[l] += out.probability(s, l) / out.steps();
            }
        }
        int rock = java.util.Arrays.asList(labels).indexOf("rock");
        System.out.println("BundledMusicModelTest: mean probabilities " + java.util.Arrays.toString(labels) + " "
                + java.util.Arrays.toString(mean));
        for (int l = 0; l < labels.length; l++) {
            assertTrue(l == rock || mean[l] < mean[rock], labels[l] + " above rock: " + java.util.Arrays.toString(mean));
        }
        assertTrue(mean[rock] > 0.5, "rock " + mean[rock]);
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
