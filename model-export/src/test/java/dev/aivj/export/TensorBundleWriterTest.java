package dev.aivj.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorBundleWriterTest {
    @Test
    void writesTensorsWithShapesOffsetsAndChecksum(@TempDir Path dir) throws Exception {
        new TensorBundleWriter()
                .add("conv1.weight", new int[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6})
                .add("conv1.bias", new int[] {2}, new float[] {-0.5f, 0.25f})
                .write(dir);
        JsonNode m = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        byte[] weights = Files.readAllBytes(dir.resolve("weights.bin"));
        assertEquals(TensorBundleWriter.FORMAT_VERSION, m.get("formatVersion").asInt());
        assertEquals(32, weights.length);
        assertEquals(TensorBundleWriter.sha256(weights), m.get("sha256").asText());
        JsonNode bias = m.get("tensors").get(1);
        assertEquals("conv1.bias", bias.get("name").asText());
        assertEquals(24, bias.get("offset").asInt());
        ByteBuffer b = ByteBuffer.wrap(weights).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0.25f, b.getFloat(bias.get("offset").asInt() + 4));
    }

    @Test
    void refusesShapeMismatchAndDuplicates() {
        TensorBundleWriter w = new TensorBundleWriter();
        assertThrows(IllegalArgumentException.class, () -> w.add("x", new int[] {2, 2}, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> w.add("x", new int[] {0}, new float[0]));
        w.add("x", new int[] {1}, new float[1]);
        assertThrows(IllegalArgumentException.class, () -> w.add("x", new int[] {1}, new float[1]));
    }
}
