package dev.aivj.training.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synthetic quality scores against the team's example from DATA-FORMATS.md. */
class PairsQualityWriterTest {
    @TempDir
    Path dir;

    /** Synthetic qualities 0.00, 0.01, ..., 1.00 for pairs 0..100. */
    private static List<PairQuality> spread() {
        List<PairQuality> out = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            out.add(new PairQuality(i, i / 100.0));
        }
        return out;
    }

    @Test
    void writeThenReadGivesTheSameData() throws IOException {
        PairsQuality q = PairsQuality.of(spread());
        Path f = dir.resolve("pairs-quality.v0.json");
        new PairsQualityWriter().write(f, q);
        assertEquals(q, new PairsQualityReader().read(f));
    }

    @Test
    void writerOutputHasTheExampleFieldsInTheExampleOrder() throws IOException {
        JsonNode example = ExampleJson.tree(ExampleJson.QUALITY);
        Path f = dir.resolve("pairs-quality.v0.json");
        new PairsQualityWriter().write(f, List.of(new PairQuality(65, 0.73), new PairQuality(66, 0.1)));
        JsonNode written = ExampleJson.MAPPER.readTree(f.toFile());
        assertEquals(ExampleJson.keys(example), ExampleJson.keys(written));
        assertEquals(PairsQuality.FIELDS, ExampleJson.keys(written));
        assertEquals(ExampleJson.keys(example.get("pairs").get(0)), ExampleJson.keys(written.get("pairs").get(0)));
        assertEquals(PairsQuality.PAIR_FIELDS, ExampleJson.keys(written.get("pairs").get(0)));
        assertEquals(ExampleJson.keys(example.get("qualityStats")), ExampleJson.keys(written.get("qualityStats")));
        assertEquals(PairsQuality.STATS_FIELDS, ExampleJson.keys(written.get("qualityStats")));
        assertTrue(written.get("pairs").get(0).get("pair").isInt());
        assertTrue(written.get("pairs").get(0).get("quality01").isNumber());
        written.get("qualityStats").forEach(v -> assertTrue(v.isNumber()));
        assertTrue(Files.readString(f).startsWith("{\"pairs\":[{\"pair\":65,\"quality01\":0.73},"));
    }

    @Test
    void readsTheTeamsExample() throws IOException {
        PairsQuality q = new PairsQualityReader().read(ExampleJson.copy(ExampleJson.QUALITY, dir));
        assertEquals(List.of(new PairQuality(65, 0.73)), q.pairs());
        assertEquals(new QualityStats(0.11, 0.52, 0.9, 0.02, 0.97), q.qualityStats());
        assertTrue(q.qualityStats().passesGate());
    }

    @Test
    void refusesACollapsedModelAndLeavesTheOldFile() throws IOException {
        Path f = dir.resolve("pairs-quality.v0.json");
        Files.writeString(f, "previous");
        List<PairQuality> collapsed = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            collapsed.add(new PairQuality(i, 0.5 + (i % 2) * 0.01)); // std = 0.005
        }
        CollapsedQualityException e = assertThrows(CollapsedQualityException.class,
                () -> new PairsQualityWriter().write(f, collapsed));
        assertEquals(0.005, e.std(), 1e-12);
        assertTrue(e.getMessage().contains("qualityStats.std = 0.005"), e.getMessage());
        assertTrue(e.getMessage().contains("below the gate of 0.03"), e.getMessage());
        assertTrue(e.getMessage().contains("collapsed"), e.getMessage());
        assertEquals("previous", Files.readString(f));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count()); // no temporary file left behind
        }
        assertThrows(CollapsedQualityException.class,
                () -> new PairsQualityWriter().write(dir.resolve("one.json"), List.of(new PairQuality(1, 0.7))));
    }

    @Test
    void gateIsInclusiveAtPointZeroThree() throws IOException {
        assertTrue(new QualityStats(0.03, 0.5, 0.9, 0, 1).passesGate());
        assertFalse(new QualityStats(0.0299999, 0.5, 0.9, 0, 1).passesGate());
        assertFalse(new QualityStats(Double.NaN, 0.5, 0.9, 0, 1).passesGate());
        // two values a ± 0.030001 have population std 0.030001: just above the gate, written
        List<PairQuality> edge = List.of(new PairQuality(1, 0.469999), new PairQuality(2, 0.530001));
        new PairsQualityWriter().write(dir.resolve("edge.json"), edge);
        assertTrue(Files.exists(dir.resolve("edge.json")));
    }

    @Test
    void refusesStatsThatDoNotDescribeThePairs() {
        PairsQuality q = PairsQuality.of(spread());
        QualityStats s = q.qualityStats();
        PairsQuality lying = new PairsQuality(q.pairs(), new QualityStats(s.std(), s.p50(), 0.99, s.min(), s.max()));
        assertThrows(IllegalArgumentException.class,
                () -> new PairsQualityWriter().write(dir.resolve("x.json"), lying));
        assertThrows(IllegalArgumentException.class,
                () -> new PairsQualityWriter().write(dir.resolve("x.json"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new PairsQualityWriter().write(dir.resolve("x.json"),
                List.of(new PairQuality(1, 0.1), new PairQuality(1, 0.9))));
        assertThrows(IllegalArgumentException.class, () -> new PairsQualityWriter().write(dir.resolve("x.json"),
                List.of(new PairQuality(1, 0.1), new PairQuality(2, 1.5))));
        assertFalse(Files.exists(dir.resolve("x.json")));
    }

    @Test
    void statsFollowNumpyDefaults() {
        // np.std([0, .01, ..., 1]) = 0.29154759474226505; np.percentile(..., 50) = 0.5, (..., 95) = 0.95
        QualityStats s = PairsQuality.of(spread()).qualityStats();
        assertEquals(0.29154759474226505, s.std(), 1e-12);
        assertEquals(0.5, s.p50(), 1e-12);
        assertEquals(0.95, s.p95(), 1e-12);
        assertEquals(0.0, s.min());
        assertEquals(1.0, s.max());
        // np.percentile([1, 2, 3, 4], 50) = 2.5; (..., 95) = 3.85; np.std = 1.118033988749895
        QualityStats t = QualityStats.of(new double[] {4, 1, 3, 2});
        assertEquals(2.5, t.p50(), 1e-12);
        assertEquals(3.85, t.p95(), 1e-12);
        assertEquals(1.118033988749895, t.std(), 1e-12);
        QualityStats one = QualityStats.of(new double[] {0.4});
        assertEquals(new QualityStats(0, 0.4, 0.4, 0.4, 0.4), one);
    }

    @Test
    void readerIsStrict() throws IOException {
        Path f = SyntheticPairData.write(dir.resolve("q.json"),
                "{\"pairs\":[\n{\"pair\":1,\"quality01\":0.5},\n{\"pair\":2,\"quality01\":1.5}],\n"
                        + "\"qualityStats\":{\"std\":0.1,\"p50\":0.5,\"p95\":0.9,\"min\":0,\"max\":1}}");
        PairsFormatException e = assertThrows(PairsFormatException.class, () -> new PairsQualityReader().read(f));
        assertEquals(3, e.line(), e.getMessage());
        Path g = SyntheticPairData.write(dir.resolve("g.json"),
                "{\"pairs\":[],\n\"qualityStats\":{\"std\":0.1,\"p50\":0.5,\"p95\":0.9,\"min\":0}}");
        e = assertThrows(PairsFormatException.class, () -> new PairsQualityReader().read(g));
        assertTrue(e.getMessage().contains("\"max\""), e.getMessage());
        Path h = SyntheticPairData.write(dir.resolve("h.json"), "{\"pairs\":[],\"extra\":1}");
        assertThrows(PairsFormatException.class, () -> new PairsQualityReader().read(h));
    }
}
