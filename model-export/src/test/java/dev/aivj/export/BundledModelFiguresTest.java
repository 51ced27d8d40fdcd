package dev.aivj.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivj.engine.model.MusicModel;
import dev.aivj.training.corpus.CorpusTrack;
import dev.aivj.training.corpus.Split;
import dev.aivj.training.music.FeatureCache;
import dev.aivj.training.music.ManifestCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The bundled music model's card states what it scores on the corpus's test split (packages and albums it never
 * trained on). This recomputes those figures with engine-core on the real test audio, which `./aivj test` fetches
 * (scripts/corpus-packages/test-split.txt), and fails when they drift from the card: a changed engine front end,
 * model or manifest must come with a re-exported model and card.
 */
class BundledModelFiguresTest {
    static final Path BUNDLE = BundledMusicModelTest.BUNDLE;
    static final Path TEST_SPLIT_PACKAGES = Path.of("..", "scripts", "corpus-packages", "test-split.txt");

    @Test
    void testSplitPackageListIsTheManifestsTestSplit() throws Exception {
        ManifestCorpus corpus = ManifestCorpus.load(null, ManifestCorpus.defaultAudioDir());
        Set<String> packages = new TreeSet<>();
        corpus.tracks(Split.TEST).forEach(t -> packages.add(t.packageName()));
        Set<String> listed = new TreeSet<>();
        for (String line : Files.readAllLines(TEST_SPLIT_PACKAGES)) {
            String p = line.replaceAll("#.*", "").strip();
            if (!p.isEmpty()) {
                listed.add(p);
            }
        }
        assertEquals(packages, listed, TEST_SPLIT_PACKAGES + " must list exactly the test split's packages");
    }

    @Test
    void cardFiguresAreWhatTheBundledModelScoresOnTheTestSplit() throws Exception {
        JsonNode card = new ObjectMapper().readTree(BUNDLE.resolve("model-card.json").toFile());
        ManifestCorpus corpus = ManifestCorpus.load(null, ManifestCorpus.defaultAudioDir());
        assertEquals(card.at("/training/corpus/manifestSha256").asText(), corpus.sha256(),
                "the corpus manifest changed since the bundled model was trained: retrain and export it");
        List<String> missing = new ArrayList<>();
        for (CorpusTrack t : corpus.tracks(Split.TEST)) {
            if (!Files.isRegularFile(corpus.audio(t))) {
                missing.add(corpus.audio(t).toString());
            }
        }
        if (!missing.isEmpty()) {
            fail("test-split audio missing (run scripts/fetch-corpus.sh on " + TEST_SPLIT_PACKAGES + "; ./aivj test"
                    + " does): " + missing);
        }
        MusicModel model = MusicModel.load(Files.readString(BUNDLE.resolve("manifest.json")),
                Files.readAllBytes(BUNDLE.resolve("weights.bin")));
        JsonNode held = card.get("heldOut");
        MusicModelEvaluator.Metrics m = MusicModelEvaluator.evaluate(model, corpus, FeatureCache.defaultCache(),
                held.get("segmentFrames").asInt());
        assertEquals(held.get("tracks").asInt(), m.tracks());
        assertEquals(held.get("segments").asInt(), m.segments());
        assertEquals(held.get("segmentAccuracy").asDouble(), m.segmentAccuracy(), 1e-9);
        assertEquals(held.get("balancedAccuracy").asDouble(),
                MusicModelEvaluator.balancedAccuracy(m.recall()), 1e-9);
        assertEquals(held.get("trackAccuracyMeanProbability").asDouble(), m.trackAccuracyMeanProbability(), 1e-9);
        assertTrue(m.segments() > 0);
    }
}
