package dev.aivj.export.coupling;

import dev.aivj.engine.coupling.CouplingModel;
import dev.aivj.export.TensorBundleWriter;
import dev.aivj.training.coupling.CouplingTrainer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a trained coupling model as an engine bundle and reads it back with engine-core. */
public final class CouplingBundle {
    private CouplingBundle() {
    }

    public static void write(CouplingTrainer.Trained trained, Path dir) throws IOException {
        TensorBundleWriter w = new TensorBundleWriter().model(trained.spec().toJson());
        for (String name : trained.spec().tensorNames()) {
            w.add(name, trained.spec().shapeOf(name), trained.parameters().get(name));
        }
        w.write(dir);
    }

    /** The bundle in {@code dir} as engine-core loads it (every check of {@link CouplingModel#load} applies). */
    public static CouplingModel load(Path dir) throws IOException {
        Path manifest = dir.resolve("manifest.json");
        Path weights = dir.resolve("weights.bin");
        if (!Files.isRegularFile(manifest) || !Files.isRegularFile(weights)) {
            throw new IOException("no coupling model bundle in " + dir + " (manifest.json and weights.bin)");
        }
        return CouplingModel.load(Files.readString(manifest, StandardCharsets.UTF_8), Files.readAllBytes(weights));
    }
}
