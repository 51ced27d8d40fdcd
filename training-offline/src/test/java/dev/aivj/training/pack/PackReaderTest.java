package dev.aivj.training.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.training.pairs.PairSource;
import dev.aivj.training.pairs.PresetPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each of the team's layouts is recognised and read into pairs whose preset files resolve inside the pack; rows that
 * cannot be read come back with file and line; a folder of no layout is one line. The .milk files are small texts
 * written here: what is read is the layout, not the presets (PackEndToEndTest renders real ones).
 */
class PackReaderTest {
    @TempDir
    Path dir;

    private static final String MILK = "[preset00]\nzoom=1.01\n";

    private void milk(String relative) throws Exception {
        Files.createDirectories(dir.resolve(relative).getParent());
        Files.writeString(dir.resolve(relative), MILK);
    }

    @Test
    void theWebPlayersManifestWithAnEliteManifestBeside() throws Exception {
        milk("fg/coupled_00065_20260129_015409_fg.milk");
        milk("bg/coupled_00065_20260129_015409_bg.milk");
        milk("fg/coupled_00081_20260129_020000_fg.milk");
        milk("bg/coupled_00081_20260129_020000_bg.milk");
        Files.writeString(dir.resolve("pairs-manifest.json"), """
                {"version":"v0","generatedAt":"2026-02-18T23:14:59+08:00","pack":"p","generatedFrom":"f",
                "keptPairs":3,"totalPairs":3000,"pairs":[
                {"pair":65,"fgUrl":"/presets/p/fg/coupled_00065_20260129_015409_fg.milk","bgUrl":"/presets/p/bg/coupled_00065_20260129_015409_bg.milk","warp_diff":0.0095},
                {"pair":81,"fgUrl":"/presets/p/fg/coupled_00081_20260129_020000_fg.milk","bgUrl":"/presets/p/bg/coupled_00081_20260129_020000_bg.milk"},
                {"pair":"x","fgUrl":"a","bgUrl":"b"}
                ]}
                """);
        Files.writeString(dir.resolve("AIVJ_FINAL_ELITE_MANIFEST.json"), """
                [{"pair": 65, "fg": "fg/coupled_00065_20260129_015409_fg.milk", "bg": "bg/coupled_00065_20260129_015409_bg.milk", "score": 5.0, "rank": 1}]
                """);
        PackReader.Contents c = new PackReader().read(dir);
        assertEquals(PackLayout.WEB_PLAYER, c.layout());
        assertEquals(2, c.pairs().size());
        PresetPair elite = c.pairs().get(0);
        assertEquals(PairSource.ELITE, elite.source());
        assertEquals(5.0, elite.score());
        assertEquals(1, elite.rank());
        assertEquals("/presets/p/fg/coupled_00065_20260129_015409_fg.milk", elite.fg());
        assertNull(c.pairs().get(1).score());
        assertEquals(1, c.reports().get(0).rowsRejected());
        assertTrue(c.reports().get(0).problems().get(0).toString().matches(".*pairs-manifest\\.json:5: pair is not an"
                + " integer.*"), c.reports().get(0).problems().toString());
        PackPresetResolver r = new PackPresetResolver(dir);
        for (PresetPair p : c.pairs()) {
            assertTrue(Files.isRegularFile(r.resolve(p.fg(), "fg").file()), p.fg());
            assertTrue(Files.isRegularFile(r.resolve(p.bg(), "bg").file()), p.bg());
        }
    }

    @Test
    void theRefineryFoldersAndTheirLogs() throws Exception {
        milk("fg/coupled_00007_20260129_015409_fg.milk");
        milk("bg/coupled_00007_20260129_015409_bg.milk");
        milk("fg/coupled_00009_20260129_015500_fg.milk"); // its bg is missing: an orphan
        Files.writeString(dir.resolve("refinery_v2_20260129.log"), "2026-01-29 02:00 INFO pair=7 score=4.2 rank=3\n"
                + "garbage line\n");
        PackReader.Contents c = new PackReader().read(dir);
        assertEquals(PackLayout.REFINERY, c.layout());
        assertEquals(1, c.pairs().size());
        assertEquals(4.2, c.pairs().get(0).score());
        String problems = c.reports().get(0).problems().toString();
        assertTrue(problems.contains("orphan fg") && problems.contains("refinery_v2_20260129.log:2"), problems);
        assertTrue(Files.isRegularFile(new PackPresetResolver(dir).resolve(c.pairs().get(0).fg(), "fg").file()));
    }

    @Test
    void deepAlchemysJsonl() throws Exception {
        milk("a.milk");
        milk("b.milk");
        Files.writeString(dir.resolve("manifest.jsonl"), "{\"id\": 1, \"upper\": \"a.milk\", \"lower\": \"b\", "
                + "\"quality\": 0.8}\n{\"id\": 2, \"upper\": \"a.milk\"\n");
        PackReader.Contents c = new PackReader().read(dir);
        assertEquals(PackLayout.DEEP_ALCHEMY, c.layout());
        assertEquals(1, c.pairs().size());
        assertEquals(0.8, c.pairs().get(0).quality01());
        assertTrue(c.reports().get(0).problems().get(0).toString().contains("manifest.jsonl:2"));
        assertTrue(Files.isRegularFile(new PackPresetResolver(dir).resolve("b", "bg").file()), "b → b.milk");
    }

    @Test
    void theEliteManifestAlone() throws Exception {
        milk("fg/x.milk");
        milk("bg/y.milk");
        Files.writeString(dir.resolve("AIVJ_FINAL_ELITE_MANIFEST.json"), "{\"version\": 2, \"entries\": [{\"id\": \"00003\","
                + " \"upper\": \"x.milk\", \"lower\": \"y.milk\", \"score\": \"4.5\"}]}");
        PackReader.Contents c = new PackReader().read(dir);
        assertEquals(PackLayout.ELITE, c.layout());
        assertEquals(3, c.pairs().get(0).pair());
        PackPresetResolver r = new PackPresetResolver(dir);
        assertEquals(dir.resolve("fg/x.milk").toAbsolutePath(), r.resolve("x.milk", "fg").file());
        assertEquals(dir.resolve("bg/y.milk").toAbsolutePath(), r.resolve("y.milk", "bg").file());
    }

    @Test
    void aFolderOfNoLayoutIsOneLineNamingIt() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "nothing here");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PackReader().read(dir));
        assertTrue(e.getMessage().startsWith(dir + ": not a pack"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void referencesResolveInsideThePackOnly() throws Exception {
        milk("fg/coupled_00065_20260129_015409_fg.milk");
        PackPresetResolver r = new PackPresetResolver(dir);
        Path f = dir.resolve("fg/coupled_00065_20260129_015409_fg.milk").toAbsolutePath();
        for (String ref : List.of("/presets/ai_generated_coupled_final/fg/coupled_00065_20260129_015409_fg.milk",
                "http://127.0.0.1:8080/presets/p/fg/coupled_00065_20260129_015409_fg.milk?v=2",
                "fg/coupled_00065_20260129_015409_fg.milk", "coupled_00065_20260129_015409_fg.milk",
                "fg\\coupled_00065_20260129_015409_fg", f.toString(), "/presets/p/fg/coupled%5f00065_20260129_015409_fg.milk")) {
            assertEquals(f, r.resolve(ref, "fg").file(), ref);
        }
        assertTrue(r.resolve("../../etc/passwd.milk", "fg").problem().startsWith("leads outside the pack"));
        assertTrue(r.resolve("fg/nothing.milk", "fg").problem().startsWith("missing file"));
        assertEquals("fg/coupled_00065_20260129_015409_fg.milk", r.relative(f));
    }

    @Test
    void presetFilesAreCheckedAsTextFirst() throws Exception {
        Files.write(dir.resolve("empty.milk"), new byte[0]);
        Files.write(dir.resolve("bin.milk"), new byte[] {'[', 0, 1, 2});
        Files.writeString(dir.resolve("note.milk"), "keep 65\n");
        milk("ok.milk");
        assertEquals("empty file", PresetFileCheck.problem(dir.resolve("empty.milk")));
        assertTrue(PresetFileCheck.problem(dir.resolve("bin.milk")).startsWith("binary"));
        assertTrue(PresetFileCheck.problem(dir.resolve("note.milk")).startsWith("none of a MilkDrop preset's fields"));
        assertNull(PresetFileCheck.problem(dir.resolve("ok.milk")));
        assertEquals("empty", PresetVerdict.ofFileProblem("empty file").kind());
    }
}
