package dev.aivj.training.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The example resources must be the examples of shared/DATA-FORMATS.md. Checked when shared/ sits beside the
 * repository (as on developer machines and in CI); skipped otherwise.
 */
class ExampleResourcesTest {
    private static Path doc() {
        for (Path p : List.of(Path.of("../../shared/DATA-FORMATS.md"), Path.of("../shared/DATA-FORMATS.md"))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    @Test
    void resourcesMatchTheDocument() throws IOException {
        Path doc = doc();
        Assumptions.assumeTrue(doc != null, "shared/DATA-FORMATS.md not found beside the repository");
        Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(doc));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertEquals(2, blocks.size(), "DATA-FORMATS.md's JSON examples changed: update the resources");
        assertEquals(ExampleJson.MAPPER.readTree(blocks.get(0)), ExampleJson.tree(ExampleJson.MANIFEST));
        assertEquals(ExampleJson.MAPPER.readTree(blocks.get(1)), ExampleJson.tree(ExampleJson.QUALITY));
        assertTrue(blocks.get(0).contains("\"pairs\""));
    }
}
