package dev.aivj.training.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.training.pairs.ManifestPair;
import dev.aivj.training.pairs.PairsManifest;
import dev.aivj.training.pairs.PairsManifestReader;
import dev.aivj.training.pairs.PairsQuality;
import dev.aivj.training.pairs.PairsQualityReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end on SYNTHETIC presets (grey frame sets of different brightness and motion, minimal .milk files). */
class BootstrapPairsTest {
    @TempDir
    Path tmp;

    private List<CandidatePreset> presets() throws Exception {
        List<CandidatePreset> out = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Path milk = tmp.resolve("p" + i + ".milk");
            Files.writeString(milk, "[preset00]\nwarp=" + (0.5 + i) + "\ncx=" + (0.1 * i) + "\n");
            Path frames = tmp.resolve("p" + i + ".frames.gz");
            SyntheticFrames.grey(20 * i, 4 * i).write(frames);
            out.add(new CandidatePreset("synthetic/p" + i, "/presets/synthetic/p" + i + ".milk", milk, frames));
        }
        return out;
    }

    @Test
    void pairsAreRankedByScoreAndTheEliteWrittenInTheTeamsFormats() throws Exception {
        List<CandidatePreset> presets = presets();
        List<ScoredPair> ranked = new BootstrapPairs().scoreRandomPairs(presets, 20, 7);
        assertEquals(20, ranked.size());
        for (int i = 0; i < ranked.size(); i++) {
            assertEquals(i + 1, ranked.get(i).rank());
            assertTrue(ranked.get(i).fg() != ranked.get(i).bg());
            if (i > 0) {
                assertTrue(ranked.get(i - 1).score() >= ranked.get(i).score());
            }
        }
        List<ScoredPair> again = new BootstrapPairs().scoreRandomPairs(presets, 20, 7);
        for (int i = 0; i < 20; i++) {
            assertEquals(ranked.get(i).pair(), again.get(i).pair(), "deterministic for a seed");
            assertEquals(ranked.get(i).fg(), again.get(i).fg());
        }

        Path out = tmp.resolve("out");
        new BootstrapPairs().write(out, ranked, 5);
        PairsManifest elite = new PairsManifestReader().read(out.resolve("elite/pairs-manifest.json"));
        assertEquals(5, elite.keptPairs());
        assertEquals(20, elite.totalPairs());
        assertTrue(elite.generatedFrom().startsWith("BOOTSTRAP DATA"), elite.generatedFrom());
        ManifestPair best = elite.pairs().get(0);
        assertEquals(ranked.get(0).pair(), best.pair());
        assertEquals(1, best.extra().get("rank").asInt());
        assertEquals(ranked.get(0).fg().url(), best.fgUrl());
        double warpDiff = Math.abs(warp(ranked.get(0).fg()) - warp(ranked.get(0).bg()));
        assertEquals(warpDiff, best.warpDiff(), 1e-4);
        PairsQuality q = new PairsQualityReader().read(out.resolve("candidates/pairs-quality.v0.json"));
        assertEquals(20, q.pairs().size());
        assertEquals(ranked.get(0).score() / 5, q.pairs().get(0).quality01(), 1e-4);
        assertTrue(q.qualityStats().passesGate(), "the candidates' scores spread: " + q.qualityStats());
        assertEquals(20, new PairsManifestReader().read(out.resolve("candidates/pairs-manifest.json")).keptPairs());
        var stored = new dev.aivj.training.pairs.parquet.ParquetPairStore().read(out.resolve("parquet"));
        assertEquals(20, stored.size());
        assertEquals(ranked.get(0).rank(), stored.get(0).rank());
        new BootstrapPairs().write(out, ranked, 5); // writing again replaces the store
    }

    @Test
    void asksForNoMorePairsThanExistAndNeedsTwoPresets() throws Exception {
        List<CandidatePreset> presets = presets().subList(0, 3);
        assertEquals(6, new BootstrapPairs().scoreRandomPairs(presets, 100, 1).size(), "3 presets give 6 pairs");
        assertThrows(IllegalArgumentException.class,
                () -> new BootstrapPairs().scoreRandomPairs(presets.subList(0, 1), 10, 1));
    }

    private static double warp(CandidatePreset p) {
        return 0.5 + Integer.parseInt(p.id().substring(p.id().length() - 1));
    }
}
