package dev.aivj.training.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synthetic manifests (pack "synthetic_pack") against the team's example from DATA-FORMATS.md. */
class PairsManifestRoundTripTest {
    @TempDir
    Path dir;

    private static PairsManifest synthetic() {
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        extra.put("synthetic_note", TextNode.valueOf("made up for a test"));
        return PairsManifest.of(PairsManifest.timestamp(OffsetDateTime.of(2026, 2, 18, 23, 14, 59, 123_000_000,
                ZoneOffset.ofHours(8))), "synthetic_pack", "synthetic filter: none", 3000, List.of(
                new ManifestPair(65, "/presets/synthetic_pack/fg/coupled_00065_20260129_015409_fg.milk",
                        "/presets/synthetic_pack/bg/coupled_00065_20260129_015409_bg.milk", 0.0095, 0.1319),
                new ManifestPair(66, "/presets/synthetic_pack/fg/x_fg.milk", "/presets/synthetic_pack/bg/x_bg.milk",
                        null, 1e-5, extra),
                new ManifestPair(67, "/presets/synthetic_pack/fg/y_fg.milk", "/presets/synthetic_pack/bg/y_bg.milk",
                        -0.5, 0.0)));
    }

    @Test
    void writeThenReadGivesTheSameManifest() throws IOException {
        PairsManifest m = synthetic();
        assertEquals("2026-02-18T23:14:59+08:00", m.generatedAt());
        Path f = dir.resolve("pairs-manifest.json");
        new PairsManifestWriter().write(f, m);
        assertEquals(m, new PairsManifestReader().read(f));
        // and writing what was read gives the same bytes
        Path g = dir.resolve("again.json");
        new PairsManifestWriter().write(g, new PairsManifestReader().read(f));
        assertEquals(Files.readString(f), Files.readString(g));
        assertNull(new PairsManifestReader().read(f).pairs().get(1).warpDiff());
    }

    @Test
    void writerOutputHasTheExampleFieldsInTheExampleOrder() throws IOException {
        JsonNode example = ExampleJson.tree(ExampleJson.MANIFEST);
        PairsManifest m = synthetic();
        Path f = dir.resolve("pairs-manifest.json");
        new PairsManifestWriter().write(f, new PairsManifest(m.version(), m.generatedAt(), m.pack(),
                m.generatedFrom(), 1, 3000, List.of(m.pairs().get(0)), Map.of()));
        JsonNode written = ExampleJson.MAPPER.readTree(f.toFile());
        assertEquals(ExampleJson.keys(example), ExampleJson.keys(written));
        assertEquals(PairsManifest.FIELDS, ExampleJson.keys(written));
        assertEquals(ExampleJson.keys(example.get("pairs").get(0)), ExampleJson.keys(written.get("pairs").get(0)));
        assertEquals(ManifestPair.FIELDS, ExampleJson.keys(written.get("pairs").get(0)));
        // field for field, the same JSON types
        example.fieldNames().forEachRemaining(k -> assertEquals(example.get(k).getNodeType(),
                written.get(k).getNodeType(), k));
        JsonNode ep = example.get("pairs").get(0);
        JsonNode wp = written.get("pairs").get(0);
        ep.fieldNames().forEachRemaining(k -> assertEquals(ep.get(k).getNodeType(), wp.get(k).getNodeType(), k));
        assertTrue(wp.get("pair").isInt());
        assertTrue(written.get("keptPairs").isInt());
    }

    @Test
    void readsTheTeamsExample() throws IOException {
        PairsManifest m = new PairsManifestReader().read(ExampleJson.copy(ExampleJson.MANIFEST, dir));
        assertEquals("v0", m.version());
        assertEquals("2026-02-18T23:14:59+08:00", m.generatedAt());
        assertEquals("ai_generated_coupled_final", m.pack());
        assertEquals(31, m.keptPairs());
        assertEquals(3000, m.totalPairs());
        assertEquals(List.of(new ManifestPair(65, "/presets/<pack>/fg/coupled_00065_20260129_015409_fg.milk",
                "/presets/<pack>/bg/coupled_00065_20260129_015409_bg.milk", 0.0095, 0.1319)), m.pairs());
        assertTrue(m.extra().isEmpty());
    }

    @Test
    void writerRefusesInconsistentManifests() {
        PairsManifest m = synthetic();
        Path f = dir.resolve("pairs-manifest.json");
        PairsManifestWriter w = new PairsManifestWriter();
        assertThrows(IllegalArgumentException.class, () -> w.write(f, new PairsManifest("v0", m.generatedAt(),
                m.pack(), m.generatedFrom(), 31, 3000, m.pairs(), Map.of())));
        assertThrows(IllegalArgumentException.class, () -> w.write(f, new PairsManifest("v0", m.generatedAt(),
                m.pack(), m.generatedFrom(), 3, 2, m.pairs(), Map.of())));
        assertThrows(IllegalArgumentException.class, () -> w.write(f, PairsManifest.of(m.generatedAt(), m.pack(),
                m.generatedFrom(), 10, List.of(m.pairs().get(0), m.pairs().get(0)))));
        assertFalse(Files.exists(f));
    }

    @Test
    void readerNamesTheLineOfABreach() throws IOException {
        Path f = SyntheticPairData.write(dir.resolve("bad.json"), "{\"version\":\"v0\",\"generatedAt\":\"x\",\n"
                + "\"pack\":\"synthetic\",\"generatedFrom\":\"x\",\"keptPairs\":2,\"totalPairs\":2,\"pairs\":[\n"
                + "{\"pair\":1,\"fgUrl\":\"a\",\"bgUrl\":\"b\"},\n"
                + "{\"pair\":2,\"bgUrl\":\"b\"}]}\n");
        PairsFormatException e = assertThrows(PairsFormatException.class, () -> new PairsManifestReader().read(f));
        assertEquals(4, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("fgUrl"));

        Path t = SyntheticPairData.write(dir.resolve("trunc.json"), "{\"version\":\"v0\",\n\"pairs\":[{\"pair\":1,");
        e = assertThrows(PairsFormatException.class, () -> new PairsManifestReader().read(t));
        assertEquals(2, e.line(), e.getMessage());

        Path s = SyntheticPairData.write(dir.resolve("str.json"), "{\"version\":\"v0\",\n\"keptPairs\":\"2\"}");
        e = assertThrows(PairsFormatException.class, () -> new PairsManifestReader().read(s));
        assertEquals(2, e.line(), e.getMessage());

        Path m = SyntheticPairData.write(dir.resolve("missing.json"), "{\"version\":\"v0\"}");
        e = assertThrows(PairsFormatException.class, () -> new PairsManifestReader().read(m));
        assertTrue(e.getMessage().contains("generatedAt"), e.getMessage());
    }

    @Test
    void extraTopLevelFieldsRoundTrip() throws IOException {
        PairsManifest m = synthetic();
        PairsManifest withExtra = new PairsManifest(m.version(), m.generatedAt(), m.pack(), m.generatedFrom(),
                m.keptPairs(), m.totalPairs(), m.pairs(), Map.of("seed", IntNode.valueOf(7)));
        Path f = dir.resolve("x.json");
        new PairsManifestWriter().write(f, withExtra);
        assertEquals(withExtra, new PairsManifestReader().read(f));
    }

    @Test
    void packPairsMergeQualityByPairNumber() {
        PairsManifest m = synthetic();
        PairsQuality q = PairsQuality.of(List.of(new PairQuality(65, 0.2), new PairQuality(67, 0.9),
                new PairQuality(99, 0.5)));
        ImportResult r = PackPairs.merge("m.json", m, "q.json", q);
        assertEquals(List.of(0.2, 0.9), r.pairs().stream().map(PresetPair::quality01)
                .filter(java.util.Objects::nonNull).toList());
        assertNull(r.pairs().get(1).quality01());
        assertEquals(3, r.report().rowsAccepted());
        assertEquals(1, r.report().rowsRejected());
        assertTrue(r.report().problems().get(0).reason().contains("pair 99"));
        r.pairs().forEach(p -> assertEquals(PairSource.PACK, p.source()));
    }
}
