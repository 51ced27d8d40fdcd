package dev.aivj.training.pairs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * SYNTHETIC test fixtures, made up for the importers' tests. NONE of this is the retraining team's data (which is
 * not available here), and nothing written by this class may be presented or used as real data: preset names
 * start with {@code synthetic_}, pack names with {@code synthetic}, and the .milk files hold a one-line comment
 * instead of a preset.
 *
 * <p>Each fixture imitates one on-disk layout of shared/DATA-FORMATS.md and deliberately mixes every accepted
 * field spelling with every error case the importers must report. Entries are written one per line so that
 * tests can name the line an error must be reported on ({@link #lineContaining}).
 */
final class SyntheticPairData {
    private SyntheticPairData() {
    }

    /** Elite manifest entries, one per line: 5 readable, 6 not (the comment after each says why). */
    static final List<String> ELITE_ENTRIES = List.of(
            // all canonical short spellings; style as a single string
            "{\"pair\": 1, \"fg\": \"fg/synthetic_a_fg.milk\", \"bg\": \"bg/synthetic_a_bg.milk\", \"score\": 5.0,"
                    + " \"rank\": 1, \"quality\": 0.9, \"style\": \"ambient\"}",
            // id / fgUrl / bgUrl / quality01 / tags; score and rank as numeric strings
            "{\"id\": 2, \"fgUrl\": \"/presets/synthetic/fg/synthetic_b_fg.milk\", \"bgUrl\": "
                    + "\"/presets/synthetic/bg/synthetic_b_bg.milk\", \"score\": \"4.5\", \"rank\": \"2\", "
                    + "\"quality01\": 0.75, \"tags\": [\"dark\", \"slow\"]}",
            // upper / lower; pair number as zero-padded string; style and tags merged
            "{\"pair\": \"00003\", \"upper\": \"fg/synthetic_c_fg.milk\", \"lower\": \"bg/synthetic_c_bg.milk\", "
                    + "\"score\": 1.5, \"style\": [\"glitch\"], \"tags\": \"glitch\"}",
            // case / underscore variants, rank as 4.0, an unknown field
            "{\"Pair\": 4, \"fg_url\": \"fg/synthetic_d_fg.milk\", \"BG\": \"bg/synthetic_d_bg.milk\", "
                    + "\"score\": 4, \"rank\": 4.0, \"comment\": \"spelling variants\"}",
            // ERROR missing fg
            "{\"pair\": 5, \"bg\": \"bg/synthetic_e_bg.milk\", \"score\": 4.0}",
            // ERROR non-numeric score
            "{\"pair\": 6, \"fg\": \"fg/synthetic_f_fg.milk\", \"bg\": \"bg/synthetic_f_bg.milk\", "
                    + "\"score\": \"high\"}",
            // ERROR duplicate pair 1
            "{\"pair\": 1, \"fg\": \"fg/synthetic_g_fg.milk\", \"bg\": \"bg/synthetic_g_bg.milk\"}",
            // ERROR two fg aliases that disagree
            "{\"pair\": 8, \"fg\": \"fg/synthetic_h_fg.milk\", \"fgUrl\": \"fg/synthetic_other_fg.milk\", "
                    + "\"bg\": \"bg/synthetic_h_bg.milk\"}",
            // ERROR quality outside [0, 1]
            "{\"pair\": 9, \"fg\": \"fg/synthetic_i_fg.milk\", \"bg\": \"bg/synthetic_i_bg.milk\", "
                    + "\"quality\": 1.7}",
            // ERROR not an object
            "\"synthetic not an object\"",
            // nulls count as absent
            "{\"pair\": 11, \"fg\": \"fg/synthetic_k_fg.milk\", \"bg\": \"bg/synthetic_k_bg.milk\", "
                    + "\"score\": null, \"rank\": null}");

    static final int ELITE_ACCEPTED = 5;
    static final int ELITE_REJECTED = 6;

    /** Elite manifest as a top-level array. */
    static Path eliteManifestArray(Path root) throws IOException {
        return write(root.resolve("AIVJ_FINAL_ELITE/AIVJ_FINAL_ELITE_MANIFEST.json"),
                "[\n" + String.join(",\n", ELITE_ENTRIES) + "\n]\n");
    }

    /** Elite manifest as an object holding the array under {@code field}, after some other top-level fields. */
    static Path eliteManifestObject(Path root, String field) throws IOException {
        return write(root.resolve("AIVJ_FINAL_ELITE/AIVJ_FINAL_ELITE_MANIFEST.json"),
                "{\"version\": \"synthetic\", \"meta\": {\"note\": [1, 2, {\"x\": null}]},\n"
                        + "\"" + field + "\": [\n" + String.join(",\n", ELITE_ENTRIES) + "\n],\n"
                        + "\"count\": " + ELITE_ENTRIES.size() + "}\n");
    }

    /** Elite manifest cut off in the middle of its third entry (line 4): two readable entries, then the break. */
    static Path eliteManifestTruncated(Path root) throws IOException {
        String whole = "[\n" + String.join(",\n", ELITE_ENTRIES) + "\n]\n";
        int cut = whole.indexOf("synthetic_c_fg") + 5;
        return write(root.resolve("AIVJ_FINAL_ELITE/AIVJ_FINAL_ELITE_MANIFEST.json"), whole.substring(0, cut));
    }

    /** deep_alchemy_10h/manifest.jsonl: 4 readable lines (1, 2, 4, 12), blank lines 3 and 10, 6 broken lines. */
    static Path deepAlchemyJsonl(Path root) throws IOException {
        String text = String.join("\n",
                /* 1 */ "{\"pair\": 100, \"fg\": \"fg/synthetic_100_fg.milk\", \"bg\": \"bg/synthetic_100_bg.milk\","
                        + " \"quality\": 0.8, \"score\": 3.2}",
                /* 2 */ "{\"id\": 101, \"fgUrl\": \"fg/synthetic_101_fg.milk\", \"bgUrl\": \"bg/synthetic_101_bg.milk\","
                        + " \"quality01\": 0.8, \"tags\": [\"synthetic\"]}",
                /* 3 */ "",
                /* 4 */ "{\"pair\": 102, \"upper\": \"fg/synthetic_102_fg.milk\", \"lower\": \"bg/synthetic_102_bg.milk\","
                        + " \"quality\": 0.8, \"rank\": 7}",
                /* 5 ERROR broken JSON */ "{\"pair\": 103, \"fg\": \"fg/synthetic_103_fg.milk\", \"bg\": ",
                /* 6 ERROR missing fg */ "{\"pair\": 104, \"bg\": \"bg/synthetic_104_bg.milk\"}",
                /* 7 ERROR non-numeric score */ "{\"pair\": 105, \"fg\": \"fg/synthetic_105_fg.milk\", "
                        + "\"bg\": \"bg/synthetic_105_bg.milk\", \"score\": \"n/a\"}",
                /* 8 ERROR two objects */ "{\"pair\": 106, \"fg\": \"a\", \"bg\": \"b\"} {\"pair\": 107, \"fg\": \"a\","
                        + " \"bg\": \"b\"}",
                /* 9 ERROR not an object */ "[1, 2]",
                /* 10 */ "   \t",
                /* 11 ERROR duplicate of line 1 */ "{\"pair\": 100, \"fg\": \"fg/synthetic_x_fg.milk\", "
                        + "\"bg\": \"bg/synthetic_x_bg.milk\"}",
                /* 12, no final newline */ "{\"pair\": 108, \"fg\": \"fg/synthetic_108_fg.milk\", "
                        + "\"bg\": \"bg/synthetic_108_bg.milk\", \"quality\": 0.8}");
        return write(root.resolve("deep_alchemy_10h/manifest.jsonl"), text);
    }

    static final List<Integer> DEEP_ALCHEMY_BAD_LINES = List.of(5, 6, 7, 8, 9, 11);

    /**
     * aivj_coupled_refinery_v2/: pairs 1 and 2 (pair 2 at two timestamps) match; then an orphan fg (3), a bad
     * name (4 digits), an impossible date (month 13), a bg file in fg/, an orphan bg (7), a bad bg name and a
     * non-.milk file. 12 .milk rows: 6 accepted, 6 rejected. Two logs, see {@link #REFINERY_LOG_1}.
     */
    static Path refinery(Path root) throws IOException {
        Path dir = root.resolve("aivj_coupled_refinery_v2");
        for (String name : List.of("coupled_00001_20260129_015409", "coupled_00002_20260129_015410",
                "coupled_00002_20260130_101010")) {
            milk(dir.resolve("fg/" + name + "_fg.milk"));
            milk(dir.resolve("bg/" + name + "_bg.milk"));
        }
        milk(dir.resolve("fg/coupled_00003_20260129_015411_fg.milk")); // orphan fg
        milk(dir.resolve("fg/coupled_0004_20260129_015412_fg.milk")); // bad name: 4-digit pair
        milk(dir.resolve("fg/coupled_00005_20261399_015413_fg.milk")); // bad name: month 13
        milk(dir.resolve("fg/coupled_00006_20260129_015414_bg.milk")); // a bg file in fg/
        write(dir.resolve("fg/notes.txt"), "synthetic, not a preset\n"); // not a row
        milk(dir.resolve("bg/coupled_00007_20260129_015415_bg.milk")); // orphan bg
        milk(dir.resolve("bg/synthetic_random.milk")); // bad name
        write(dir.resolve("refinery_v2_20260129_000000.log"), String.join("\n", REFINERY_LOG_1) + "\n");
        write(dir.resolve("refinery_v2_20260130_000000.log"), String.join("\n", REFINERY_LOG_2) + "\n");
        return dir;
    }

    /** First synthetic refinery log: readable events on lines 2, 4, 6, 9; lines 1, 5, 7, 8, 10, 11 are not. */
    static final List<String> REFINERY_LOG_1 = List.of(
            /* 1 chatter */ "2026-01-29 01:54:09 INFO synthetic refinery started",
            /* 2 */ "2026-01-29 01:54:10 INFO score change pair=1 score=4.25 rank=12",
            /* 3 */ "",
            /* 4 */ "{\"pair\": 1, \"score\": 3.5}",
            /* 5 ambiguous: pair 2 has two timestamps */ "pair=2 score=4.0",
            /* 6 */ "pair=2 ts=20260130_101010 score=4.8, rank=3",
            /* 7 unknown pair */ "pair=99 score=1.0",
            /* 8 non-numeric */ "pair=1 score=abc",
            /* 9 old_score is not a score token */ "[refine] pair=1 old_score=3.5 rank=\"2\"",
            /* 10 broken JSON */ "{\"pair\": 1, \"score\":",
            /* 11 no pair */ "rank=5");
    static final List<Integer> REFINERY_LOG_1_BAD_LINES = List.of(1, 5, 7, 8, 10, 11);

    /** Second synthetic log, read after the first: its score for pair 1 wins. */
    static final List<String> REFINERY_LOG_2 = List.of("pair=1 score=4.9");

    /**
     * {@code n} SYNTHETIC pair rows for the Parquet store's tests, from the main code's
     * {@link dev.aivj.training.pairs.parquet.SyntheticPairRows} (which the benchmark uses too): all sources, scores
     * on and between the bin boundaries, tied and missing ranks. Deterministic per seed.
     */
    static List<PresetPair> pairRows(int n, long seed) {
        return dev.aivj.training.pairs.parquet.SyntheticPairRows.rows(n, seed);
    }

    /** 1-based number of the first line of {@code file} containing {@code needle}. */
    static int lineContaining(Path file, String needle) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in " + file);
    }

    private static void milk(Path p) throws IOException {
        write(p, "// synthetic test file, not a MilkDrop preset\n");
    }

    static Path write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }
}
