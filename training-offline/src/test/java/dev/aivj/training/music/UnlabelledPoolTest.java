package dev.aivj.training.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.training.corpus.CorpusTrack;
import dev.aivj.training.corpus.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled unlabelled pool stays apart from the labelled corpus and from the music the model is measured on. */
class UnlabelledPoolTest {
    private static final Path PACKAGE_LISTS = Path.of("..", "scripts", "corpus-packages");

    @Test
    void poolIsNeitherLabelledNorMeasuredMusicAndFetchCorpusFetchesIt() throws Exception {
        List<UnlabelledPool.Track> pool = UnlabelledPool.bundled();
        assertTrue(pool.size() > 300, "pool tracks: " + pool.size());
        ManifestCorpus corpus = ManifestCorpus.load(null, ManifestCorpus.defaultAudioDir());
        Set<String> labelled = new HashSet<>();
        Set<String> testPackages = new HashSet<>();
        for (CorpusTrack t : corpus.manifest().tracks()) {
            labelled.add(t.audio());
            labelled.add(t.packageName() + "/" + t.path());
            if (t.split() == Split.TEST) {
                testPackages.add(t.packageName());
            }
        }
        Set<String> fetched = listedPackages();
        for (UnlabelledPool.Track t : pool) {
            assertFalse(labelled.contains(t.audio()), t.audio() + " is a labelled row");
            assertFalse(testPackages.contains(t.packageName()), t.audio() + " is from a test-split package");
            assertTrue(fetched.contains(t.packageName()), t.packageName() + " is in no corpus-packages list");
        }
        assertEquals(pool.size(), pool.stream().map(UnlabelledPool.Track::audio).distinct().count(), "duplicates");
    }

    @Test
    void malformedRowsNameTheLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("pool.csv");
        Files.writeString(f, "# comment\npackage,audio,duration_s\nnaev-data,other-package/x.ogg,60.0\n");
        IOException e = assertThrows(IOException.class, () -> UnlabelledPool.read(f));
        assertTrue(e.getMessage().endsWith("pool.csv:3: audio other-package/x.ogg is not inside its package folder"),
                e.getMessage());
        Files.writeString(f, "package,file\n");
        e = assertThrows(IOException.class, () -> UnlabelledPool.read(f));
        assertTrue(e.getMessage().contains("pool.csv:1: expected the header"), e.getMessage());
    }

    private static Set<String> listedPackages() throws IOException {
        Set<String> out = new HashSet<>();
        try (Stream<Path> lists = Files.list(PACKAGE_LISTS)) {
            for (Path l : lists.filter(p -> p.toString().endsWith(".list")).toList()) {
                for (String line : Files.readAllLines(l)) {
                    String p = line.replaceAll("#.*", "").strip();
                    if (!p.isEmpty()) {
                        out.add(p);
                    }
                }
            }
        }
        return out;
    }
}
