package dev.aivj.bench.onnx;

import dev.aivj.bench.BundledEngineData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./aivj export-onnx --out FILE}: writes the bundled music network (web/models/music-v1) as ONNX, the file
 * the bench hands ONNX Runtime Web, for inspection or other runtimes.
 */
public final class OnnxExportMain {
    private OnnxExportMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !args[0].equals("--out")) {
            System.err.println("usage: ./aivj export-onnx --out FILE");
            System.exit(2);
        }
        Path out = Path.of(args[1]);
        byte[] onnx = OnnxModelWriter.write(BundledEngineData.musicBundle());
        Files.write(out, onnx);
        System.out.println("aivj export-onnx: " + onnx.length + " bytes -> " + out);
    }
}
