package dev.aivj.training.coupling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CouplingPairsTest {
    @TempDir
    Path dir;

    private Path manifest(String name, String pairs) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, "{\"version\":\"v0\",\"generatedAt\":\"2026-11-27T00:00:00Z\",\"pack\":\"p\","
                + "\"generatedFrom\":\"test\",\"keptPairs\":3,\"totalPairs\":3,\"pairs\":[" + pairs + "]}");
        return f;
    }

    @Test
    void joinsVectorsRanksByTheManifestAndReportsRowsItCannotUse() throws Exception {
        Path all = manifest("all.json",
                "{\"pair\":1,\"fgUrl\":\"/presets/projectm/a/x.milk\",\"bgUrl\":\"/presets/projectm/a/y.milk\",\"score\":2.0},"
                + "{\"pair\":2,\"fgUrl\":\"/u\",\"bgUrl\":\"/v\",\"fg\":\"a/y\",\"bg\":\"a/x\",\"score\":4.5,\"rank\":1},"
                + "{\"pair\":3,\"fgUrl\":\"/presets/projectm/a/x.milk\",\"bgUrl\":\"/presets/projectm/a/missing.milk\",\"score\":3},"
                + "{\"pair\":4,\"fgUrl\":\"/presets/projectm/a/x.milk\",\"bgUrl\":\"/presets/projectm/a/y.milk\"},"
                + "{\"pair\":5,\"fgUrl\":\"/presets/projectm/a/y.milk\",\"bgUrl\":\"/presets/projectm/a/y.milk\",\"quality01\":0.5}");
        Path elite = manifest("elite.json", "{\"pair\":9,\"fgUrl\":\"/presets/projectm/a/y.milk\","
                + "\"bgUrl\":\"/presets/projectm/a/x.milk\"}");
        Map<String, float[]> vectors = Map.of("a/x", new float[] {1}, "a/y", new float[] {2});
        CouplingPairs.Loaded got = CouplingPairs.load(all, elite, vectors);

        assertEquals(3, got.pairs().size());
        CouplingExample best = got.pairs().get(0);
        assertEquals(2, best.pair(), "the pair with rank 1 comes first");
        assertEquals(1f, best.target());
        assertTrue(best.elite(), "matched with the elite manifest by preset ids");
        assertEquals(5, got.pairs().get(1).pair(), "unranked pairs follow by score (quality01 × 5 = 2.5)");
        assertEquals(2.5f, got.pairs().get(1).score());
        assertEquals(0f, got.pairs().get(2).target());
        assertFalse(got.pairs().get(2).elite());
        assertEquals(2, got.skipped().size());
        assertTrue(got.skipped().get(0).contains("pair 3") && got.skipped().get(0).contains("a/missing"),
                got.skipped().get(0));
        assertTrue(got.skipped().get(1).contains("pair 4") && got.skipped().get(1).contains("no score"),
                got.skipped().get(1));
    }
}
