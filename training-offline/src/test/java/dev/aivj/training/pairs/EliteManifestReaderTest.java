package dev.aivj.training.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs on {@link SyntheticPairData} fixtures only. */
class EliteManifestReaderTest {
    @TempDir
    Path root;

    private final EliteManifestReader reader = new EliteManifestReader();

    @Test
    void topLevelArrayAcceptsEverySpellingAndReportsEveryBadEntry() throws IOException {
        Path f = SyntheticPairData.eliteManifestArray(root);
        ImportResult r = reader.read(f);
        checkEliteFixture(f, r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pairs", "entries", "items", "data"})
    void objectHoldingTheArrayUnderAnyKnownKey(String field) throws IOException {
        Path f = SyntheticPairData.eliteManifestObject(root, field);
        checkEliteFixture(f, reader.read(f));
    }

    private static void checkEliteFixture(Path f, ImportResult r) throws IOException {
        ImportReport rep = r.report();
        assertEquals(SyntheticPairData.ELITE_ENTRIES.size(), rep.rowsRead(), rep.summary());
        assertEquals(SyntheticPairData.ELITE_ACCEPTED, rep.rowsAccepted(), rep.summary());
        assertEquals(SyntheticPairData.ELITE_REJECTED, rep.rowsRejected(), rep.summary());
        assertEquals(List.of(1, 2, 3, 4, 11), r.pairs().stream().map(PresetPair::pair).toList());

        PresetPair a = r.pairs().get(0);
        assertEquals("fg/synthetic_a_fg.milk", a.fg());
        assertEquals("bg/synthetic_a_bg.milk", a.bg());
        assertEquals(5.0, a.score());
        assertEquals(1, a.rank());
        assertEquals(0.9, a.quality01());
        assertEquals(List.of("ambient"), a.styleTags());
        assertEquals(PairSource.ELITE, a.source());
        assertEquals(new RowOrigin(f.toString(), SyntheticPairData.lineContaining(f, "synthetic_a_fg")), a.origin());

        PresetPair b = r.pairs().get(1);
        assertEquals("/presets/synthetic/fg/synthetic_b_fg.milk", b.fg());
        assertEquals(4.5, b.score());
        assertEquals(2, b.rank());
        assertEquals(0.75, b.quality01());
        assertEquals(List.of("dark", "slow"), b.styleTags());

        PresetPair c = r.pairs().get(2);
        assertEquals("fg/synthetic_c_fg.milk", c.fg());
        assertEquals("bg/synthetic_c_bg.milk", c.bg());
        assertEquals(List.of("glitch"), c.styleTags());
        assertNull(c.rank());

        PresetPair d = r.pairs().get(3);
        assertEquals("fg/synthetic_d_fg.milk", d.fg());
        assertEquals("bg/synthetic_d_bg.milk", d.bg());
        assertEquals(4, d.rank());
        assertEquals(Map.of("comment", 1), rep.ignoredFields());

        PresetPair k = r.pairs().get(4);
        assertNull(k.score());
        assertNull(k.rank());

        Map<Integer, String> problems = rep.problems().stream()
                .collect(Collectors.toMap(ImportProblem::line, ImportProblem::reason));
        assertTrue(problems.get(SyntheticPairData.lineContaining(f, "synthetic_e_bg")).contains("missing fg"));
        assertTrue(problems.get(SyntheticPairData.lineContaining(f, "synthetic_f_fg")).contains("score is not a number"));
        assertTrue(problems.get(SyntheticPairData.lineContaining(f, "synthetic_g_fg"))
                .contains("duplicate pair 1 (first at line " + a.origin().line() + ")"));
        assertTrue(problems.get(SyntheticPairData.lineContaining(f, "synthetic_h_fg")).contains("conflicting"));
        assertTrue(problems.get(SyntheticPairData.lineContaining(f, "synthetic_i_fg")).contains("outside [0, 1]"));
        assertTrue(problems.get(SyntheticPairData.lineContaining(f, "synthetic not an object")).contains("not an object"));
        rep.problems().forEach(p -> assertEquals(f.toString(), p.file()));
        String summary = rep.summary();
        assertTrue(summary.contains("11 rows read, 5 accepted, 6 rejected"), summary);
        assertTrue(summary.contains(f + ":" + SyntheticPairData.lineContaining(f, "synthetic_e_bg") + ": missing fg"),
                summary);
    }

    @Test
    void truncatedFileKeepsEntriesBeforeTheBreakAndReportsIt() throws IOException {
        Path f = SyntheticPairData.eliteManifestTruncated(root);
        ImportResult r = reader.read(f);
        assertEquals(List.of(1, 2), r.pairs().stream().map(PresetPair::pair).toList());
        assertEquals(1, r.report().rowsRejected());
        ImportProblem p = r.report().problems().get(0);
        assertEquals(4, p.line(), p.toString());
        assertTrue(p.reason().contains("truncated"), p.reason());
    }

    @Test
    void objectWithoutAPairArrayIsReported() throws IOException {
        Path f = SyntheticPairData.write(root.resolve("m.json"), "{\"version\": 1,\n \"pairs\": 5}\n");
        ImportResult r = reader.read(f);
        assertTrue(r.pairs().isEmpty());
        assertEquals(2, r.report().rowsRejected(), r.report().summary());
        assertEquals(2, r.report().problems().get(0).line());
        assertTrue(r.report().problems().get(1).reason().contains("no pair array"));
    }

    @Test
    void secondPairArrayIsReportedNotMerged() throws IOException {
        Path f = SyntheticPairData.write(root.resolve("m.json"), "{\"pairs\": [" + SyntheticPairData.ELITE_ENTRIES.get(0)
                + "],\n \"items\": [" + SyntheticPairData.ELITE_ENTRIES.get(1) + "]}\n");
        ImportResult r = reader.read(f);
        assertEquals(1, r.pairs().size());
        assertEquals(1, r.report().rowsRejected());
        assertTrue(r.report().problems().get(0).reason().contains("second pair array \"items\""));
    }

    @Test
    void emptyAndScalarFilesAreReported() throws IOException {
        assertEquals(1, reader.read(SyntheticPairData.write(root.resolve("e.json"), "")).report().rowsRejected());
        assertEquals(1, reader.read(SyntheticPairData.write(root.resolve("s.json"), "42")).report().rowsRejected());
        ImportResult trailing = reader.read(SyntheticPairData.write(root.resolve("t.json"), "[]\n[]"));
        assertEquals(2, trailing.report().problems().get(0).line());
    }

    @Test
    void missingFileIsAnIoError() {
        assertThrows(NoSuchFileException.class, () -> reader.read(root.resolve("absent.json")));
    }
}
