package dev.aivj.engine.model;

import dev.aivj.engine.AnalysisSettings;
import dev.aivj.engine.json.JsonValue;
import dev.aivj.engine.json.JsonWriter;

/**
 * The music model's architecture (see package docs): conv blocks (causal Conv1d + folded batch norm + ReLU,
 * optionally followed by max pooling), one LSTM, and two per-step heads. Both the DJL training network and the
 * engine are built from this spec, and the bundle manifest carries it as {@code model}, so the two cannot drift.
 */
public final class MusicModelSpec {
    public static final String ARCHITECTURE = "aivj-conv-lstm-v1";

    private final int melBands;
    private final int[] convChannels;
    private final int[] convKernels;
    private final int[] poolSizes;
    private final int lstmHidden;
    private final String[] labels;
    private final int inputPool;

    public MusicModelSpec(int melBands, int[] convChannels, int[] convKernels, int[] poolSizes, int lstmHidden,
            String[] labels) {
        this(1, melBands, convChannels, convKernels, poolSizes, lstmHidden, labels);
    }

    /**
     * @param inputPool max pooling over time of the normalised input before the first conv (1 = none): the
     *     whole network then runs at 1/inputPool of the frame rate
     */
    public MusicModelSpec(int inputPool, int melBands, int[] convChannels, int[] convKernels, int[] poolSizes,
            int lstmHidden, String[] labels) {
        if (inputPool < 1) {
            throw new IllegalArgumentException("input pool size must be positive");
        }
        if (convChannels.length == 0 || convChannels.length != convKernels.length
                || convChannels.length != poolSizes.length) {
            throw new IllegalArgumentException("need one kernel and one pool size (1 = none) per conv layer");
        }
        for (int i = 0; i < convChannels.length; i++) {
            if (convChannels[i] < 1 || convKernels[i] < 1 || poolSizes[i] < 1) {
                throw new IllegalArgumentException("conv layer " + i + ": sizes must be positive");
            }
        }
        if (melBands < 1 || lstmHidden < 1) {
            throw new IllegalArgumentException("mel bands and LSTM size must be positive");
        }
        if (labels.length < 2) {
            throw new IllegalArgumentException("a style model needs at least 2 labels, got " + labels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            for (int j = 0; j < i; j++) {
                if (labels[i].equals(labels[j])) {
                    throw new IllegalArgumentException("duplicate label " + labels[i]);
                }
            }
        }
        this.inputPool = inputPool;
        this.melBands = melBands;
        this.convChannels = convChannels.clone();
        this.convKernels = convKernels.clone();
        this.poolSizes = poolSizes.clone();
        this.lstmHidden = lstmHidden;
        this.labels = labels.clone();
    }

    /**
     * The shipped network: input max pool 2, conv 64→16 k3 + pool 2, conv 16→32 k3 + pool 2, LSTM 32 (one step per
     * 8 frames, 0.19 s). About 2,900 multiply-adds per input frame: half of the same layers at the full frame rate
     * (whose Wasm stage took 38 ms for a 3-minute song against a 25 ms budget), a twelfth of the first design's
     * (64/64 channels, k5, LSTM 64), and small enough not to memorise a corpus of a few dozen packages.
     */
    public static MusicModelSpec defaults(String[] labels) {
        return new MusicModelSpec(2, AnalysisSettings.MEL_BANDS, new int[] {16, 32}, new int[] {3, 3},
                new int[] {2, 2}, 32, labels);
    }

    /**
     * The teacher the shipped network is distilled from (never shipped): the full frame rate, twice the channels
     * (conv 64→32 k3 + pool 2, conv 32→64 k3 + pool 2, LSTM 64), about 8 times the multiply-adds per frame.
     */
    public static MusicModelSpec teacher(String[] labels) {
        return new MusicModelSpec(1, AnalysisSettings.MEL_BANDS, new int[] {32, 64}, new int[] {3, 3},
                new int[] {2, 2}, 64, labels);
    }

    /** The layers in a few words, e.g. "input pool 2, conv 64→16 k3 + pool 2, …, LSTM 32 (8 frames per step)". */
    public String summary() {
        StringBuilder b = new StringBuilder();
        if (inputPool > 1) {
            b.append("input pool ").append(inputPool).append(", ");
        }
        for (int i = 0; i < convLayers(); i++) {
            b.append("conv ").append(convInput(i)).append('→').append(convChannels[i]).append(" k")
                    .append(convKernels[i]);
            if (poolSizes[i] > 1) {
                b.append(" + pool ").append(poolSizes[i]);
            }
            b.append(", ");
        }
        return b.append("LSTM ").append(lstmHidden).append(" (").append(framesPerStep()).append(" frames per step)")
                .toString();
    }

    /** The same layers with another input pool (1 = the full frame rate). */
    public MusicModelSpec withInputPool(int pool) {
        return new MusicModelSpec(pool, melBands, convChannels, convKernels, poolSizes, lstmHidden, labels);
    }

    /** Max pooling of the input over time before the first conv (1 = none). */
    public int inputPool() {
        return inputPool;
    }

    public int melBands() {
        return melBands;
    }

    public int convLayers() {
        return convChannels.length;
    }

    public int convChannels(int i) {
        return convChannels[i];
    }

    public int convInput(int i) {
        return i == 0 ? melBands : convChannels[i - 1];
    }

    public int convKernel(int i) {
        return convKernels[i];
    }

    public int poolSize(int i) {
        return poolSizes[i];
    }

    public int lstmInput() {
        return convChannels[convChannels.length - 1];
    }

    public int lstmHidden() {
        return lstmHidden;
    }

    public String[] labels() {
        return labels.clone();
    }

    public int labelCount() {
        return labels.length;
    }

    public int visualCount() {
        return VisualParameters.COUNT;
    }

    /** Input frames per output step (product of the pool sizes, the input pool's included). */
    public int framesPerStep() {
        int p = inputPool;
        for (int s : poolSizes) {
            p *= s;
        }
        return p;
    }

    // Tensor names in the bundle.
    public static final String INPUT_MEAN = "input.mean";
    public static final String INPUT_STD = "input.std";
    public static final String LSTM_WEIGHT_IH = "lstm.weightIh";
    public static final String LSTM_WEIGHT_HH = "lstm.weightHh";
    public static final String LSTM_BIAS = "lstm.bias";
    public static final String STYLE_WEIGHT = "style.weight";
    public static final String STYLE_BIAS = "style.bias";
    public static final String VISUAL_WEIGHT = "visual.weight";
    public static final String VISUAL_BIAS = "visual.bias";

    public static String convWeight(int i) {
        return "conv" + (i + 1) + ".weight";
    }

    public static String convBias(int i) {
        return "conv" + (i + 1) + ".bias";
    }

    /** Every tensor the model needs, in bundle order. */
    public String[] tensorNames() {
        String[] names = new String[2 + 2 * convLayers() + 7];
        int k = 0;
        names[k++] = INPUT_MEAN;
        names[k++] = INPUT_STD;
        for (int i = 0; i < convLayers(); i++) {
            names[k++] = convWeight(i);
            names[k++] = convBias(i);
        }
        names[k++] = LSTM_WEIGHT_IH;
        names[k++] = LSTM_WEIGHT_HH;
        names[k++] = LSTM_BIAS;
        names[k++] = STYLE_WEIGHT;
        names[k++] = STYLE_BIAS;
        names[k++] = VISUAL_WEIGHT;
        names[k] = VISUAL_BIAS;
        return names;
    }

    /** The shape the spec requires of tensor {@code name}. */
    public int[] shapeOf(String name) {
        int h = lstmHidden;
        switch (name) {
            case INPUT_MEAN:
            case INPUT_STD: return new int[] {melBands};
            case LSTM_WEIGHT_IH: return new int[] {4 * h, lstmInput()};
            case LSTM_WEIGHT_HH: return new int[] {4 * h, h};
            case LSTM_BIAS: return new int[] {4 * h};
            case STYLE_WEIGHT: return new int[] {labels.length, h};
            case STYLE_BIAS: return new int[] {labels.length};
            case VISUAL_WEIGHT: return new int[] {visualCount(), h};
            case VISUAL_BIAS: return new int[] {visualCount()};
            default:
                for (int i = 0; i < convLayers(); i++) {
                    if (name.equals(convWeight(i))) {
                        return new int[] {convChannels[i], convInput(i), convKernels[i]};
                    }
                    if (name.equals(convBias(i))) {
                        return new int[] {convChannels[i]};
                    }
                }
                throw new IllegalArgumentException("no tensor " + name + " in " + ARCHITECTURE);
        }
    }

    /** Total float32 values in the model's tensors. */
    public long parameterCount() {
        long n = 0;
        for (String t : tensorNames()) {
            long s = 1;
            for (int d : shapeOf(t)) {
                s *= d;
            }
            n += s;
        }
        return n;
    }

    /** The manifest's {@code model} object. */
    public String toJson() {
        JsonWriter j = new JsonWriter().beginObject();
        j.name("architecture").value(ARCHITECTURE);
        j.name("frontEnd").beginObject()
                .name("sampleRate").value(AnalysisSettings.SAMPLE_RATE)
                .name("fftSize").value(AnalysisSettings.FFT_SIZE)
                .name("hopSize").value(AnalysisSettings.HOP_SIZE)
                .name("melBands").value(melBands)
                .name("melMinHz").value(AnalysisSettings.MEL_MIN_HZ)
                .name("melMaxHz").value(AnalysisSettings.MEL_MAX_HZ)
                .name("logFloorDb").value(AnalysisSettings.LOG_FLOOR_DB)
                .name("frameRate").value(AnalysisSettings.frameRate())
                .name("feature").value("logMelDb")
                .endObject();
        j.name("input").beginObject()
                .name("normalization").value("(logMelDb - mean[band]) / std[band]")
                .name("mean").value(INPUT_MEAN)
                .name("std").value(INPUT_STD)
                .endObject();
        j.name("layers").beginArray();
        if (inputPool > 1) {
            j.beginObject().name("type").value("maxpool1d").name("size").value(inputPool).endObject();
        }
        for (int i = 0; i < convLayers(); i++) {
            j.beginObject().name("type").value("conv1d").name("name").value("conv" + (i + 1))
                    .name("in").value(convInput(i)).name("out").value(convChannels[i])
                    .name("kernel").value(convKernels[i]).name("padding").value("causal")
                    .name("batchNormFolded").value(true).name("activation").value("relu")
                    .name("weight").value(convWeight(i)).name("bias").value(convBias(i)).endObject();
            if (poolSizes[i] > 1) {
                j.beginObject().name("type").value("maxpool1d").name("size").value(poolSizes[i]).endObject();
            }
        }
        j.beginObject().name("type").value("lstm").name("in").value(lstmInput()).name("hidden").value(lstmHidden)
                .name("gateOrder").value("ifgo").name("weightIh").value(LSTM_WEIGHT_IH)
                .name("weightHh").value(LSTM_WEIGHT_HH).name("bias").value(LSTM_BIAS).endObject();
        j.endArray();
        j.name("heads").beginArray();
        j.beginObject().name("name").value("style").name("type").value("dense").name("out").value(labels.length)
                .name("activation").value("softmax").name("weight").value(STYLE_WEIGHT)
                .name("bias").value(STYLE_BIAS).endObject();
        j.beginObject().name("name").value("visual").name("type").value("dense").name("out").value(visualCount())
                .name("activation").value("sigmoid").name("weight").value(VISUAL_WEIGHT)
                .name("bias").value(VISUAL_BIAS).endObject();
        j.endArray();
        j.name("framesPerStep").value(framesPerStep());
        j.name("labels").beginArray();
        for (String l : labels) {
            j.value(l);
        }
        j.endArray();
        j.name("visualParameters").beginArray();
        for (int i = 0; i < VisualParameters.COUNT; i++) {
            VisualParameter p = VisualParameters.get(i);
            j.beginObject().name("name").value(p.name()).name("min").value(p.min()).name("max").value(p.max())
                    .name("unit").value(p.unit()).endObject();
        }
        j.endArray();
        return j.endObject().toString();
    }

    /**
     * Reads and checks a manifest's {@code model} object: the architecture, the feature front end (must equal this
     * engine's {@link AnalysisSettings}), the layer sequence and the visual-parameter list.
     */
    public static MusicModelSpec fromJson(JsonValue model) {
        String arch = model.get("architecture").asString();
        if (!ARCHITECTURE.equals(arch)) {
            throw new IllegalArgumentException("model architecture " + arch + " is not supported (expected "
                    + ARCHITECTURE + ")");
        }
        JsonValue fe = model.get("frontEnd");
        requireSetting(fe, "sampleRate", AnalysisSettings.SAMPLE_RATE);
        requireSetting(fe, "fftSize", AnalysisSettings.FFT_SIZE);
        requireSetting(fe, "hopSize", AnalysisSettings.HOP_SIZE);
        requireSetting(fe, "melBands", AnalysisSettings.MEL_BANDS);
        requireSetting(fe, "melMinHz", AnalysisSettings.MEL_MIN_HZ);
        requireSetting(fe, "melMaxHz", AnalysisSettings.MEL_MAX_HZ);
        requireSetting(fe, "logFloorDb", AnalysisSettings.LOG_FLOOR_DB);

        JsonValue layers = model.get("layers");
        int n = layers.size();
        int[] ch = new int[n];
        int[] ks = new int[n];
        int[] pools = new int[n];
        int convs = 0;
        int hidden = -1;
        int inputPool = 1;
        for (int i = 0; i < n; i++) {
            JsonValue l = layers.at(i);
            String type = l.get("type").asString();
            if (hidden > 0) {
                throw new IllegalArgumentException(l.path() + ": the lstm must be the last layer");
            }
            if (type.equals("conv1d")) {
                if (!l.get("padding").asString().equals("causal") || !l.get("activation").asString().equals("relu")) {
                    throw new IllegalArgumentException(l.path() + ": only causal conv1d with relu is supported");
                }
                ch[convs] = l.get("out").asInt();
                ks[convs] = l.get("kernel").asInt();
                pools[convs] = 1;
                requireName(l, "weight", convWeight(convs));
                requireName(l, "bias", convBias(convs));
                convs++;
            } else if (type.equals("maxpool1d")) {
                if (convs == 0 && i == 0) {
                    inputPool = l.get("size").asInt(); // pooling the input itself
                } else if (convs == 0 || pools[convs - 1] != 1) {
                    throw new IllegalArgumentException(l.path() + ": maxpool1d must open the layers or follow a"
                            + " conv1d");
                } else {
                    pools[convs - 1] = l.get("size").asInt();
                }
            } else if (type.equals("lstm")) {
                if (!l.get("gateOrder").asString().equals("ifgo")) {
                    throw new IllegalArgumentException(l.path() + ": gate order must be ifgo");
                }
                hidden = l.get("hidden").asInt();
            } else {
                throw new IllegalArgumentException(l.path() + ": unknown layer type " + type);
            }
        }
        if (convs == 0 || hidden < 1) {
            throw new IllegalArgumentException(layers.path() + ": expected conv1d layers followed by one lstm");
        }
        int[] c = new int[convs];
        int[] k = new int[convs];
        int[] p = new int[convs];
        System.arraycopy(ch, 0, c, 0, convs);
        System.arraycopy(ks, 0, k, 0, convs);
        System.arraycopy(pools, 0, p, 0, convs);

        JsonValue vis = model.get("visualParameters");
        if (vis.size() != VisualParameters.COUNT) {
            throw new IllegalArgumentException(vis.path() + ": bundle has " + vis.size()
                    + " visual parameters, this engine has " + VisualParameters.COUNT);
        }
        for (int i = 0; i < vis.size(); i++) {
            String name = vis.at(i).get("name").asString();
            if (!name.equals(VisualParameters.get(i).name())) {
                throw new IllegalArgumentException(vis.path() + "[" + i + "]: bundle has visual parameter " + name
                        + " where this engine expects " + VisualParameters.get(i).name());
            }
        }
        MusicModelSpec spec = new MusicModelSpec(inputPool, AnalysisSettings.MEL_BANDS, c, k, p, hidden,
                model.get("labels").asStringArray());
        for (int i = 0; i < convs; i++) {
            JsonValue l = findConv(layers, i);
            if (l.get("in").asInt() != spec.convInput(i)) {
                throw new IllegalArgumentException(l.path() + ": in = " + l.get("in").asInt() + " but the previous "
                        + "layer gives " + spec.convInput(i));
            }
        }
        return spec;
    }

    private static JsonValue findConv(JsonValue layers, int index) {
        int seen = 0;
        for (int i = 0; i < layers.size(); i++) {
            if (layers.at(i).get("type").asString().equals("conv1d") && seen++ == index) {
                return layers.at(i);
            }
        }
        throw new IllegalStateException("conv " + index);
    }

    private static void requireName(JsonValue layer, String field, String expected) {
        String actual = layer.get(field).asString();
        if (!actual.equals(expected)) {
            throw new IllegalArgumentException(layer.path() + "." + field + ": expected tensor " + expected
                    + ", found " + actual);
        }
    }

    private static void requireSetting(JsonValue frontEnd, String name, double expected) {
        double actual = frontEnd.get(name).asDouble();
        if (actual != expected) {
            throw new IllegalArgumentException("model was trained with front-end " + name + " = " + actual
                    + " but this engine computes " + expected + ": features would not match");
        }
    }
}
