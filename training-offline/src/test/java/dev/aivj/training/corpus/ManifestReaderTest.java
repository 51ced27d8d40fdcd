package dev.aivj.training.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Synthetic manifests made here (no real package or track is described by them). */
class ManifestReaderTest {
    private static final String HEADER = String.join(",", ManifestReader.HEADER);

    /** A synthetic row: package synthetic-pkg, made-up path. */
    private static String row(String path, String style, String split, String album, String evidence) {
        return "synthetic-pkg,1.0,usr/share/synthetic/" + path + ",synthetic-pkg/usr/share/synthetic/" + path
                + ",MIT,60.0," + style + "," + split + "," + album + ",Synthetic Artist,tag," + evidence;
    }

    private static CorpusManifest read(String... lines) throws IOException, ManifestException {
        return new ManifestReader().read(new StringReader(String.join("\n", lines) + "\n"), "synthetic.csv");
    }

    private static List<ManifestProblem> problems(String... lines) {
        return assertThrows(ManifestException.class, () -> read(lines)).problems();
    }

    @Test
    void validSyntheticManifestWithCommentsAndQuotes() throws Exception {
        CorpusManifest m = read("# synthetic", HEADER,
                row("a.ogg", "edm", "train", "Album A", "\"tag GENRE=House, synthetic\""),
                "",
                row("b.ogg", "rock", "test", "Album B", "synthetic evidence"));
        assertEquals(2, m.tracks().size());
        assertEquals("tag GENRE=House, synthetic", m.tracks().get(0).evidence());
        assertEquals(3, m.tracks().get(0).line());
        assertEquals(5, m.tracks().get(1).line());
        assertEquals(Style.ROCK, m.tracks().get(1).style());
        assertEquals("Synthetic Artist", m.tracks().get(1).artist());
        assertEquals(EvidenceGrade.TAG, m.tracks().get(1).grade());
    }

    @Test
    void everyMalformedRowIsReportedWithItsLineNumber() {
        List<ManifestProblem> p = problems(
                "# synthetic manifest with one fault per row",             // 1
                HEADER,                                                      // 2
                row("ok.ogg", "edm", "train", "A", "synthetic"),           // 3
                row("label.ogg", "polka", "train", "A", "synthetic"),      // 4 unknown label
                row("noev.ogg", "edm", "train", "A", ""),                  // 5 missing evidence
                row("split.ogg", "edm", "holdout", "A", "synthetic"),      // 6 bad split
                row("ok.ogg", "rock", "train", "A", "synthetic"),          // 7 duplicate path
                "synthetic-pkg,1.0,too,few",                                 // 8 field count
                row("dur.ogg", "edm", "train", "A", "synthetic").replace(",60.0,", ",-3,"), // 9 bad duration
                row("side.ogg", "edm", "test", "A", "synthetic"),          // 10 album A on two sides
                row("q.ogg", "edm", "train", "A", "\"unterminated"),       // 11 malformed CSV
                row("ref.ogg", "edm", "train", "A", "synthetic").replace("synthetic-pkg,", "nexuiz-music,"), // 12
                row("grade.ogg", "edm", "train", "A", "synthetic").replace(",tag,", ",hearsay,")); // 13 bad grade
        assertHas(p, 4, "unknown style label 'polka'");
        assertHas(p, 5, "missing evidence");
        assertHas(p, 6, "bad split 'holdout'");
        assertHas(p, 7, "duplicate path");
        assertHas(p, 7, "first on line 3");
        assertHas(p, 8, "expected 12 fields but found 4");
        assertHas(p, 9, "duration_s");
        assertHas(p, 10, "two sides of the split");
        assertHas(p, 11, "malformed CSV");
        assertHas(p, 12, "independent evaluation");
        assertHas(p, 13, "unknown evidence grade 'hearsay'");
        assertTrue(p.stream().noneMatch(x -> x.line() == 3), p.toString());
    }

    @Test
    void messageListsProblemsWithLineNumbers() {
        ManifestException e = assertThrows(ManifestException.class, () -> read(HEADER,
                row("a.ogg", "Edm", "train", "A", "synthetic")));
        assertTrue(e.getMessage().contains("synthetic.csv"), e.getMessage());
        assertTrue(e.getMessage().contains("line 2: unknown style label 'Edm'"), e.getMessage());
    }

    @Test
    void wrongOrMissingHeader() {
        assertHas(problems("package,style"), 1, "header must be");
        assertHas(problems("# only comments"), 1, "no header line");
    }

    private static void assertHas(List<ManifestProblem> problems, int line, String text) {
        assertTrue(problems.stream().anyMatch(p -> p.line() == line && p.message().contains(text)),
                "no problem on line " + line + " containing '" + text + "' in " + problems);
    }
}
