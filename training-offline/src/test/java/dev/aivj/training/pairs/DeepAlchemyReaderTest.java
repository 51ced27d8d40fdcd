package dev.aivj.training.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs on {@link SyntheticPairData} fixtures only. */
class DeepAlchemyReaderTest {
    @TempDir
    Path root;

    @Test
    void readsGoodLinesSkipsBlankOnesAndReportsBrokenOnesByLine() throws IOException {
        Path f = SyntheticPairData.deepAlchemyJsonl(root);
        ImportResult r = new DeepAlchemyReader().read(f);
        ImportReport rep = r.report();
        assertEquals(10, rep.rowsRead(), rep.summary());
        assertEquals(4, rep.rowsAccepted(), rep.summary());
        assertEquals(List.of(100, 101, 102, 108), r.pairs().stream().map(PresetPair::pair).toList());
        assertEquals(List.of(1, 2, 4, 12), r.pairs().stream().map(p -> p.origin().line()).toList());
        assertEquals(SyntheticPairData.DEEP_ALCHEMY_BAD_LINES, rep.problems().stream().map(ImportProblem::line).toList());
        r.pairs().forEach(p -> assertEquals(PairSource.DEEP_ALCHEMY, p.source()));
        r.pairs().forEach(p -> assertEquals(0.8, p.quality01()));
        assertEquals(3.2, r.pairs().get(0).score());
        assertEquals(List.of("synthetic"), r.pairs().get(1).styleTags());
        assertEquals("fg/synthetic_102_fg.milk", r.pairs().get(2).fg());
        assertEquals(7, r.pairs().get(2).rank());

        List<String> reasons = rep.problems().stream().map(ImportProblem::reason).toList();
        assertTrue(reasons.get(0).startsWith("malformed JSON"), reasons.get(0));
        assertTrue(reasons.get(1).contains("missing fg"), reasons.get(1));
        assertTrue(reasons.get(2).contains("score is not a number"), reasons.get(2));
        assertTrue(reasons.get(3).startsWith("malformed JSON"), reasons.get(3)); // two objects on one line
        assertTrue(reasons.get(4).contains("not an object"), reasons.get(4));
        assertTrue(reasons.get(5).contains("duplicate pair 100 (first at line 1)"), reasons.get(5));
    }

    @Test
    void byteOrderMarkAndEmptyFile() throws IOException {
        Path bom = SyntheticPairData.write(root.resolve("bom.jsonl"),
                "\uFEFF{\"pair\": 1, \"fg\": \"a\", \"bg\": \"b\"}\n");
        assertEquals(1, new DeepAlchemyReader().read(bom).pairs().size());
        ImportResult empty = new DeepAlchemyReader().read(SyntheticPairData.write(root.resolve("e.jsonl"), "\n\n"));
        assertEquals(0, empty.report().rowsRead());
    }
}
