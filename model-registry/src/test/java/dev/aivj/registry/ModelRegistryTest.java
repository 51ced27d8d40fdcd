package dev.aivj.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {
    @TempDir
    Path tmp;

    private Path bundle(String name, String weights) throws IOException {
        Path d = Files.createDirectories(tmp.resolve("bundles").resolve(name));
        Files.writeString(d.resolve("manifest.json"), "{\"name\":\"" + name + "\"}");
        Files.writeString(d.resolve("weights.bin"), weights);
        return d;
    }

    @Test
    void registerGatePromoteAndRollBack() throws Exception {
        ModelRegistry reg = new ModelRegistry(tmp.resolve("registry"), "coupling");
        String first = reg.register(bundle("a", "1111"), "data1", "./aivj train-coupling --out \"runs/a, b\"");
        assertTrue(first.matches("v\\d{10}_[0-9a-f]{4}"), first);
        assertEquals(ModelRegistry.hashOf(bundle("a", "1111")).substring(0, 4), first.substring(first.indexOf('_') + 1));
        reg.recordGate(first, new GateFigures(100, 100, 0, 1.5, 2.5, List.of()));
        reg.promote(first, "first release");
        assertEquals(first, reg.latest().orElseThrow());

        Thread.sleep(1100); // versions are named by the second
        String worse = reg.register(bundle("b", "2222"), "data1", "worse");
        reg.recordGate(worse, new GateFigures(80, 100, 0.4, 1.5, 2.5, List.of("golden 80.0 % < 98 %", "drift 0.400 > 0.1")));
        VersionRow refused = reg.version(worse).orElseThrow();
        assertEquals("refused", refused.status());
        assertEquals(List.of("golden 80.0 % < 98 %", "drift 0.400 > 0.1"), refused.gate().refusals());
        assertEquals(first, reg.latest().orElseThrow(), "a refused candidate leaves latest alone");

        Thread.sleep(1100);
        String good = reg.register(bundle("c", "3333"), "data2", "good");
        reg.recordGate(good, new GateFigures(99, 100, 0.02, 1.4, 2.0, List.of()));
        reg.promote(good, "passed the gate");
        assertEquals(good, reg.latest().orElseThrow());
        assertEquals("retired", reg.version(first).orElseThrow().status());
        assertEquals(0.99, reg.gate(good).orElseThrow().goldenPassRate(), 1e-9);

        assertEquals(java.util.Optional.of(first), reg.rollback("latency p95 over budget"));
        assertEquals(first, reg.latest().orElseThrow());
        assertEquals("rolled-back", reg.version(good).orElseThrow().status());
        assertEquals("promoted", reg.version(first).orElseThrow().status());
        assertEquals("./aivj train-coupling --out \"runs/a, b\"", reg.version(first).orElseThrow().command(),
                "a command with a comma and quotes survives the CSV");
        assertTrue(reg.rollback("again").isEmpty(), "with no earlier promotion the bundled model is served again");
        assertTrue(reg.latest().isEmpty());
        IOException none = assertThrows(IOException.class, () -> reg.rollback("once more"));
        assertTrue(none.getMessage().contains("nothing to roll back"), none.getMessage());
        List<String[]> events = reg.events();
        assertEquals(List.of("promote", "promote", "rollback", "rollback"), events.stream().map(e -> e[1]).toList());
    }

    @Test
    void aFolderWithoutManifestIsRefusedAndACorruptCsvNamesItsLine() throws Exception {
        ModelRegistry reg = new ModelRegistry(tmp.resolve("registry"), "coupling");
        IOException e = assertThrows(IOException.class, () -> reg.register(Files.createDirectories(tmp.resolve("empty")), "d", "c"));
        assertTrue(e.getMessage().contains("not a model bundle"), e.getMessage());
        Files.createDirectories(reg.dir());
        Files.writeString(reg.dir().resolve("versions.csv"), VersionsCsv.HEADER + "\nv1,only,three\n");
        IOException bad = assertThrows(IOException.class, reg::versions);
        assertTrue(bad.getMessage().contains("line 2: 3 fields"), bad.getMessage());
    }
}
