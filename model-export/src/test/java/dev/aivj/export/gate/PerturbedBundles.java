package dev.aivj.export.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Candidates for the gate tests, made from the shipped coupling bundle (their model cards say how): every weight
 * moved by Gaussian noise of {@code sigma} times its magnitude (a deliberately worse model when sigma is large, a
 * nearly identical one when small), with the manifest's sha256 made to match, and a golden-gate.json naming the
 * golden pairs to gate on.
 */
final class PerturbedBundles {
    static final Path SHIPPED = Path.of("../web-frontend/src/main/resources/web/models/coupling-v1");

    private PerturbedBundles() {
    }

    static Path write(Path dir, double sigma, long seed, String pack, List<Integer> goldenGate) throws Exception {
        Files.createDirectories(dir);
        byte[] weights = Files.readAllBytes(SHIPPED.resolve("weights.bin"));
        ByteBuffer b = ByteBuffer.wrap(weights).order(ByteOrder.LITTLE_ENDIAN);
        Random rnd = new Random(seed);
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(SHIPPED.resolve("manifest.json").toFile());
        for (var t : manifest.get("tensors")) {
            String name = t.get("name").asText();
            if (name.startsWith("norm.")) {
                continue; // the input normaliser is data, not a learned weight: std must stay > 0
            }
            int n = 1;
            for (var d : t.get("shape")) {
                n *= d.asInt();
            }
            int offset = t.get("offset").asInt();
            for (int i = 0; i < n; i++) {
                float v = b.getFloat(offset + 4 * i);
                b.putFloat(offset + 4 * i, (float) (v + sigma * Math.max(Math.abs(v), 0.05) * rnd.nextGaussian()));
            }
        }
        manifest.put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(weights)));
        Files.write(dir.resolve("weights.bin"), weights);
        json.writeValue(dir.resolve("manifest.json").toFile(), manifest);
        Files.writeString(dir.resolve("model-card.md"), "# TEST candidate\n\nThe shipped coupling model with every weight"
                + " moved by Gaussian noise of " + sigma + " times its magnitude (seed " + seed + "), made by the gate"
                + " tests (PerturbedBundles). Not a trained model.\n");
        ObjectNode gate = json.createObjectNode().put("pack", pack).put("percent", 20);
        goldenGate.forEach(gate.putArray("pairs")::add);
        json.writeValue(dir.resolve("golden-gate.json").toFile(), gate);
        return dir;
    }
}
