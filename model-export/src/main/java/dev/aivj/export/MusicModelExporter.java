package dev.aivj.export;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.aivj.engine.model.MelNormalizer;
import dev.aivj.engine.model.MusicModelSpec;
import dev.aivj.training.music.MusicCheckpoint;
import dev.aivj.training.music.MusicNet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * DJL {@link MusicNet} parameters → engine-core model bundle ({@link TensorBundleWriter}): batch norm folded into
 * each conv (w' = w·γ/√(σ²+ε), b' = (b − μ)·γ/√(σ²+ε) + β, in double), the LSTM's two biases summed, the input
 * normaliser stored as {@code input.mean}/{@code input.std}, and the spec (layers, front-end settings, labels,
 * visual parameters) as the manifest's {@code model}.
 *
 * <p>Command line: {@code MusicModelExporter --checkpoint <training out dir or checkpoint dir> --out <bundle dir>}.
 */
public final class MusicModelExporter {
    private MusicModelExporter() {
    }

    public static void export(MusicNet net, MelNormalizer norm, Path dir) throws IOException {
        MusicModelSpec spec = net.spec();
        Map<String, float[]> p = new HashMap<>();
        for (Pair<String, Parameter> e : net.getParameters()) {
            // DJL prefixes child parameters with a two-digit position: "01conv1_weight".
            p.put(e.getKey().substring(2), e.getValue().getArray().toFloatArray());
        }
        TensorBundleWriter w = new TensorBundleWriter().model(spec.toJson());
        w.add(MusicModelSpec.INPUT_MEAN, spec.shapeOf(MusicModelSpec.INPUT_MEAN), norm.mean());
        w.add(MusicModelSpec.INPUT_STD, spec.shapeOf(MusicModelSpec.INPUT_STD), norm.std());
        for (int i = 0; i < spec.convLayers(); i++) {
            String c = "conv" + (i + 1) + "_";
            String b = "bn" + (i + 1) + "_";
            float[] weight = get(p, c + "weight");
            float[] bias = get(p, c + "bias");
            float[] gamma = get(p, b + "gamma");
            float[] beta = get(p, b + "beta");
            float[] mean = get(p, b + "runningMean");
            float[] var = get(p, b + "runningVar");
            int out = spec.convChannels(i);
            int per = weight.length / out;
            float[] fw = new float[weight.length];
            float[] fb = new float[out];
            for (int o = 0; o < out; o++) {
                double scale = gamma[o] / Math.sqrt((double) var[o] + MusicNet.BN_EPSILON);
                for (int k = 0; k < per; k++) {
                    fw[o * per + k] = (float) (weight[o * per + k] * scale);
                }
                fb[o] = (float) ((bias[o] - (double) mean[o]) * scale + beta[o]);
            }
            w.add(MusicModelSpec.convWeight(i), spec.shapeOf(MusicModelSpec.convWeight(i)), fw);
            w.add(MusicModelSpec.convBias(i), spec.shapeOf(MusicModelSpec.convBias(i)), fb);
        }
        float[] bIh = get(p, "lstm_l_0_i2h_BIAS");
        float[] bHh = get(p, "lstm_l_0_h2h_BIAS");
        float[] bias = new float[bIh.length];
        for (int i = 0; i < bias.length; i++) {
            bias[i] = bIh[i] + bHh[i];
        }
        w.add(MusicModelSpec.LSTM_WEIGHT_IH, spec.shapeOf(MusicModelSpec.LSTM_WEIGHT_IH), get(p, "lstm_l_0_i2h_WEIGHT"));
        w.add(MusicModelSpec.LSTM_WEIGHT_HH, spec.shapeOf(MusicModelSpec.LSTM_WEIGHT_HH), get(p, "lstm_l_0_h2h_WEIGHT"));
        w.add(MusicModelSpec.LSTM_BIAS, spec.shapeOf(MusicModelSpec.LSTM_BIAS), bias);
        w.add(MusicModelSpec.STYLE_WEIGHT, spec.shapeOf(MusicModelSpec.STYLE_WEIGHT), get(p, "style_weight"));
        w.add(MusicModelSpec.STYLE_BIAS, spec.shapeOf(MusicModelSpec.STYLE_BIAS), get(p, "style_bias"));
        w.add(MusicModelSpec.VISUAL_WEIGHT, spec.shapeOf(MusicModelSpec.VISUAL_WEIGHT), get(p, "visual_weight"));
        w.add(MusicModelSpec.VISUAL_BIAS, spec.shapeOf(MusicModelSpec.VISUAL_BIAS), get(p, "visual_bias"));
        w.write(dir);
    }

    /** Exports a training checkpoint (a checkpoint folder, or a training output folder: its newest checkpoint). */
    public static Path exportCheckpoint(Path checkpoint, Path out) throws IOException {
        Path dir = Files.isRegularFile(checkpoint.resolve("state.json")) ? checkpoint : MusicCheckpoint.latest(checkpoint);
        if (dir == null) {
            throw new IOException("no checkpoint in " + checkpoint);
        }
        MusicCheckpoint.State state = MusicCheckpoint.readState(dir);
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            export(MusicCheckpoint.loadNet(dir, m), state.normalizer(), out);
        }
        return dir;
    }

    private static float[] get(Map<String, float[]> p, String name) {
        float[] v = p.get(name);
        if (v == null) {
            throw new IllegalArgumentException("MusicNet has no parameter " + name + " (have " + p.keySet() + ")");
        }
        return v;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4 || !args[0].equals("--checkpoint") || !args[2].equals("--out")) {
            System.err.println("usage: MusicModelExporter --checkpoint <dir> --out <bundle dir>");
            System.exit(2);
        }
        Path used = exportCheckpoint(Path.of(args[1]), Path.of(args[3]));
        System.out.println("exported " + used + " to " + args[3]);
    }
}
