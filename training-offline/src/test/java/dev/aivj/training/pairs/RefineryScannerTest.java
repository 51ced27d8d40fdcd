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

/** Runs on {@link SyntheticPairData} fixtures only. */
class RefineryScannerTest {
    @TempDir
    Path root;

    @Test
    void matchesFgWithBgByPairAndTimestampAndAppliesLogEvents() throws IOException {
        Path dir = SyntheticPairData.refinery(root);
        ImportResult r = new RefineryScanner().scan(dir);
        ImportReport rep = r.report();

        assertEquals(3, r.pairs().size(), rep.summary());
        PresetPair one = r.pairs().get(0);
        PresetPair twoA = r.pairs().get(1);
        PresetPair twoB = r.pairs().get(2);
        assertEquals(List.of(1, 2, 2), r.pairs().stream().map(PresetPair::pair).toList());
        assertEquals(dir.resolve("fg/coupled_00001_20260129_015409_fg.milk").toString(), one.fg());
        assertEquals(dir.resolve("bg/coupled_00001_20260129_015409_bg.milk").toString(), one.bg());
        assertTrue(twoA.fg().contains("20260129_015410") && twoA.bg().contains("20260129_015410"));
        assertTrue(twoB.fg().contains("20260130_101010") && twoB.bg().contains("20260130_101010"));
        assertEquals(PairSource.REFINERY, one.source());
        assertEquals(new RowOrigin(one.fg(), 0), one.origin());

        // last event wins: the second log's score, the first log's rank=2 from line 9
        assertEquals(4.9, one.score());
        assertEquals(2, one.rank());
        assertNull(twoA.score());
        assertNull(twoA.rank());
        assertEquals(4.8, twoB.score());
        assertEquals(3, twoB.rank());

        // 12 .milk files (6 accepted) + 10 non-blank lines of log 1 (4 accepted) + 1 line of log 2
        assertEquals(23, rep.rowsRead(), rep.summary());
        assertEquals(11, rep.rowsAccepted(), rep.summary());
        assertEquals(12, rep.rowsRejected(), rep.summary());
        assertTrue(rep.notes().get(0).contains("1 file(s)"), rep.notes().toString());

        Map<String, String> fileProblems = rep.problems().stream().filter(p -> p.line() == 0)
                .collect(Collectors.toMap(p -> Path.of(p.file()).getFileName().toString(), ImportProblem::reason));
        assertEquals(6, fileProblems.size(), fileProblems.toString());
        assertTrue(fileProblems.get("coupled_00003_20260129_015411_fg.milk").startsWith("orphan fg"));
        assertTrue(fileProblems.get("coupled_00007_20260129_015415_bg.milk").startsWith("orphan bg"));
        assertTrue(fileProblems.get("coupled_0004_20260129_015412_fg.milk").startsWith("bad file name"));
        assertTrue(fileProblems.get("coupled_00005_20261399_015413_fg.milk").contains("not a real date"));
        assertTrue(fileProblems.get("coupled_00006_20260129_015414_bg.milk").contains("a bg file in fg/"));
        assertTrue(fileProblems.get("synthetic_random.milk").startsWith("bad file name"));

        Path log1 = dir.resolve("refinery_v2_20260129_000000.log");
        List<ImportProblem> logProblems = rep.problems().stream().filter(p -> p.line() > 0).toList();
        logProblems.forEach(p -> assertEquals(log1.toString(), p.file()));
        assertEquals(SyntheticPairData.REFINERY_LOG_1_BAD_LINES, logProblems.stream().map(ImportProblem::line).toList());
        assertTrue(logProblems.get(0).reason().startsWith("not a score/rank event"));
        assertTrue(logProblems.get(1).reason().startsWith("ambiguous event: pair 2 exists at 2 timestamps"));
        assertTrue(logProblems.get(2).reason().contains("pair 99"));
        assertTrue(logProblems.get(3).reason().contains("score is not a number"));
        assertTrue(logProblems.get(4).reason().startsWith("malformed JSON"));
        assertTrue(logProblems.get(5).reason().contains("without pair"));
    }

    @Test
    void missingLayerFolderIsAnIoError() {
        assertThrows(NoSuchFileException.class, () -> new RefineryScanner().scan(root));
    }

    @Test
    void logParserTokens() throws BadRowException {
        RefineryLogParser p = new RefineryLogParser();
        RowOrigin o = new RowOrigin("x.log", 1);
        RefineryLogEvent e = p.parse("t=1 id=\"00042\"; score=-1.5e-1 (rank=9)", o);
        assertEquals(new RefineryLogEvent(42, null, -0.15, 9, o), e);
        e = p.parse("{\"id\": 3, \"rank\": 1, \"timestamp\": \"20260101_000000\"}", o);
        assertEquals(new RefineryLogEvent(3, "20260101_000000", null, 1, o), e);
        assertThrows(BadRowException.class, () -> p.parse("pair=1 score=1 score=2", o));
        assertThrows(BadRowException.class, () -> p.parse("pair=1 ts=2026 score=2", o));
        assertThrows(BadRowException.class, () -> p.parse("pair=1", o));
        assertThrows(BadRowException.class, () -> p.parse("pair=1 score=NaN", o));
    }
}
