package dev.aivj.export.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.audioio.MusicCache;
import dev.aivj.export.coupling.CouplingBundle;
import dev.aivj.export.coupling.QualityExporter;
import dev.aivj.training.coupling.LibraryVectors;
import dev.aivj.training.pack.TestPackGenerator;
import dev.aivj.web.AppServer;
import dev.aivj.web.ServerOptions;
import dev.aivj.web.StaticAssets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every user error of import-pack and serve --pack is one line naming the folder or file (and the line, for a data
 * row), never a stack trace or a stop of the import: what the launcher prints is {@code import-pack: } + the message.
 */
class PackCommandErrorsTest {
    private static final Path ROOT = Path.of("..");

    @TempDir
    Path dir;

    private static String oneLine(Exception e) {
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void aFolderThatIsNotThere() {
        Path none = dir.resolve("no-such-pack");
        Exception e = assertThrows(IllegalArgumentException.class, () -> PackImportMain.run(new String[] {none
            .toString()}));
        assertEquals(none + ": no such folder", oneLine(e));
    }

    @Test
    void aFolderOfNoKnownLayout() throws Exception {
        Files.writeString(dir.resolve("readme.txt"), "presets soon");
        Exception e = assertThrows(IllegalArgumentException.class, () -> PackImportMain.run(new String[] {dir
            .toString(), "--model", ROOT.resolve(QualityExporter.DEFAULT_MODEL).toString()}));
        assertTrue(oneLine(e).startsWith(dir + ": not a pack in any of the team's layouts"), e.getMessage());
    }

    @Test
    void badArguments() {
        Exception limit = assertThrows(IllegalArgumentException.class, () -> PackImportMain.run(new String[] {
            dir.toString(), "--limit", "lots"}));
        assertEquals("--limit needs a positive whole number, got \"lots\"", oneLine(limit));
        Exception unknown = assertThrows(IllegalArgumentException.class, () -> PackImportMain.run(new String[] {
            dir.toString(), "--fast", "yes"}));
        assertTrue(oneLine(unknown).startsWith("unknown argument --fast"));
        Exception model = assertThrows(IllegalArgumentException.class, () -> PackImportMain.run(new String[] {
            dir.toString(), "--model", dir.resolve("no-model").toString()}));
        assertTrue(oneLine(model).startsWith("coupling model " + dir.resolve("no-model")), model.getMessage());
    }

    @Test
    void projectmNotBuilt() throws Exception {
        Path pack = dir.resolve("pack");
        TestPackGenerator.generate(pack, 1, 1, 1, PackEndToEndTest.presetsRoot(),
                ROOT.resolve(LibraryVectors.DEFAULT_STATUS));
        Path web = dir.resolve("no-build");
        Exception e = assertThrows(java.io.IOException.class, () -> PackImportMain.run(new String[] {pack.toString(),
            "--web", web.toString(), "--music", MusicCache.clip("wav").toString(), "--model",
            ROOT.resolve(QualityExporter.DEFAULT_MODEL).toString()}));
        assertTrue(oneLine(e).startsWith("missing " + web.resolve("projectm-layer.js")), e.getMessage());
    }

    @Test
    void aManifestThatIsNoJsonIsReportedWithItsLineAndTheImportGoesOn() throws Exception {
        Files.writeString(dir.resolve("pairs-manifest.json"), "{\"version\":\"v0\",\n\"pairs\": [ {\"pair\": 1,,\n");
        PackReport r = new PackImport(new PackImport.Settings(CouplingBundle.load(ROOT.resolve(
                QualityExporter.DEFAULT_MODEL)), PackEndToEndTest.WEB, MusicCache.clip("wav"), dir.resolve("f"), 5,
                Integer.MAX_VALUE), System.out).run(dir);
        assertEquals(0, r.pairsRead());
        assertEquals(1, r.rowProblems().size());
        assertTrue(r.rowProblems().get(0).matches(".*pairs-manifest\\.json:2: malformed or truncated JSON.*"),
                r.rowProblems().toString());
        assertTrue(Files.readString(dir.resolve("aivj-import/report.md")).contains("no pair scored"));
    }

    @Test
    void servingAPackNotImportedYet() throws Exception {
        Files.writeString(dir.resolve("pairs-manifest.json"), "{}");
        Exception e = assertThrows(IllegalArgumentException.class, () -> AppServer.start(StaticAssets.fromClasspath(),
                new ServerOptions(0, dir.resolve("registry"), null, false, dir)));
        assertTrue(oneLine(e).startsWith("--pack " + dir + ": no aivj-import/library/pack-presets.json (run ./aivj"
                + " import-pack"), e.getMessage());
    }
}
