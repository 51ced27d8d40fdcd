package dev.aivj.export;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.model.MelNormalizer;
import dev.aivj.engine.model.ModelOutput;
import dev.aivj.engine.model.MusicModel;
import dev.aivj.training.music.MusicCheckpoint;
import dev.aivj.training.music.MusicNet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The exported bundle against its source: DJL's forward pass of a checkpoint and engine-core's run of the bundle
 * made from it, on the same log-mel features. Their largest differences are what the model card reports as parity.
 */
public final class ExportParity {
    /** Largest absolute differences over {@code clips} feature sequences. */
    public record Result(int clips, double maxStyle, double maxVisual) {
    }

    private ExportParity() {
    }

    public static Result measure(Path checkpointDir, MusicModel engine, List<FrameFeatures> clips) throws IOException {
        return measure(checkpointDir, engine, clips, 1.0);
    }

    /** As above for a bundle exported with a calibration {@code temperature} (DJL's logits are divided by it). */
    public static Result measure(Path checkpointDir, MusicModel engine, List<FrameFeatures> clips, double temperature)
            throws IOException {
        MelNormalizer norm = MusicCheckpoint.readState(checkpointDir).normalizer();
        double maxStyle = 0;
        double maxVisual = 0;
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            MusicNet net = MusicCheckpoint.loadNet(checkpointDir, m);
            ParameterStore ps = new ParameterStore(m, false);
            for (FrameFeatures f : clips) {
                ModelOutput java = engine.run(f);
                try (NDManager bm = m.newSubManager()) {
                    NDList y = net.forward(ps, new NDList(bm.create(norm.normalize(f.logMel(), 0, f.frames()),
                            new Shape(1, f.frames(), norm.bands()))), false);
                    maxStyle = Math.max(maxStyle, maxDiff(y.get(0).div(temperature).softmax(2).toFloatArray(),
                            java.styleProbabilities()));
                    maxVisual = Math.max(maxVisual, maxDiff(Activation.sigmoid(y.get(1)).toFloatArray(),
                            java.visualParameters()));
                }
            }
        }
        return new Result(clips.size(), maxStyle, maxVisual);
    }

    private static double maxDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalStateException("DJL gives " + a.length + " outputs, engine-core " + b.length);
        }
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
