package dev.aivj.training.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusSummaryTest {
    @TempDir
    Path dir;

    private static CorpusTrack synthetic(int line, Style style, Split split, double seconds) {
        return new CorpusTrack(line, "synthetic-pkg", "1", "p" + line, "a" + line, "MIT", seconds, style, split,
                "album" + split, "artist", EvidenceGrade.SYNTHETIC, "synthetic");
    }

    @Test
    void countsTracksAndMinutesPerStyleAndSplit() {
        CorpusManifest m = new CorpusManifest("synthetic", List.of(
                synthetic(2, Style.EDM, Split.TRAIN, 120),
                synthetic(3, Style.EDM, Split.TRAIN, 60),
                synthetic(4, Style.EDM, Split.TEST, 30),
                synthetic(5, Style.AMBIENT, Split.VALIDATION, 90)));
        CorpusSummary s = new CorpusSummary(m);
        assertEquals(new CorpusSummary.Cell(2, 180), s.cell(Style.EDM, Split.TRAIN));
        assertEquals(new CorpusSummary.Cell(0, 0), s.cell(Style.ROCK, Split.TRAIN));
        assertEquals(3, s.styleTotal(Style.EDM).tracks());
        assertEquals(5.0, s.total().minutes(), 1e-9);
        String table = s.table();
        assertTrue(table.lines().anyMatch(l -> l.startsWith("edm") && l.contains("2    3.0")), table);
        assertTrue(table.lines().noneMatch(l -> l.startsWith("rock")), table);
        assertTrue(table.contains("share"), table);
    }

    @Test
    void mainPrintsTheBundledTable() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = CorpusSummaryMain.run(new String[0], new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("total"));
    }

    @Test
    void mainReportsABadManifestWithLineNumbers() throws Exception {
        Path bad = dir.resolve("synthetic.csv");
        Files.writeString(bad, String.join(",", ManifestReader.HEADER) + "\n"
                + "synthetic-pkg,1,x.ogg,synthetic-pkg/x.ogg,MIT,10,edm,nowhere,A,Artist,synthetic,synthetic\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = CorpusSummaryMain.run(new String[] {bad.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, rc);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("line 2: bad split 'nowhere'"),
                err.toString(StandardCharsets.UTF_8));
    }
}
