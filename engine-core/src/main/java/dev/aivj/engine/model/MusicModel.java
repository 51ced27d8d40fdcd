package dev.aivj.engine.model;

import dev.aivj.engine.AnalysisSettings;
import dev.aivj.engine.features.FrameFeatures;

/**
 * The music-style model, built from a checked {@link ModelBundle}. Immutable and shareable; each song (or live
 * stream) gets its own {@link MusicModelStream} holding the state. {@link #run} is a stream fed the whole song
 * in one chunk, so whole-song and chunked results agree by construction of the state carried between chunks.
 */
public final class MusicModel {
    private final MusicModelSpec spec;
    private final MelNormalizer normalizer;
    private final Conv1d[] convs;
    private final MaxPool1d inputPool;
    private final MaxPool1d[] pools;
    private final Lstm lstm;
    private final Dense style;
    private final Dense visual;

    private MusicModel(MusicModelSpec spec, MelNormalizer normalizer, MaxPool1d inputPool, Conv1d[] convs,
            MaxPool1d[] pools, Lstm lstm, Dense style, Dense visual) {
        this.spec = spec;
        this.normalizer = normalizer;
        this.inputPool = inputPool;
        this.convs = convs;
        this.pools = pools;
        this.lstm = lstm;
        this.style = style;
        this.visual = visual;
    }

    /** Loads and checks a bundle (see {@link ModelBundle#load}) and builds the model it describes. */
    public static MusicModel load(String manifestJson, byte[] weights) {
        return fromBundle(ModelBundle.load(manifestJson, weights));
    }

    public static MusicModel fromBundle(ModelBundle bundle) {
        MusicModelSpec spec;
        try {
            spec = MusicModelSpec.fromJson(bundle.manifest().get("model"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model bundle: " + e.getMessage(), e);
        }
        MelNormalizer norm;
        try {
            norm = new MelNormalizer(t(bundle, spec, MusicModelSpec.INPUT_MEAN), t(bundle, spec, MusicModelSpec.INPUT_STD));
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("model bundle:") ? e
                    : new IllegalArgumentException("model bundle: " + e.getMessage(), e);
        }
        int n = spec.convLayers();
        Conv1d[] convs = new Conv1d[n];
        MaxPool1d[] pools = new MaxPool1d[n];
        for (int i = 0; i < n; i++) {
            convs[i] = new Conv1d(spec.convInput(i), spec.convChannels(i), spec.convKernel(i),
                    t(bundle, spec, MusicModelSpec.convWeight(i)), t(bundle, spec, MusicModelSpec.convBias(i)), true);
            pools[i] = spec.poolSize(i) > 1 ? new MaxPool1d(spec.convChannels(i), spec.poolSize(i)) : null;
        }
        Lstm lstm = new Lstm(spec.lstmInput(), spec.lstmHidden(), t(bundle, spec, MusicModelSpec.LSTM_WEIGHT_IH),
                t(bundle, spec, MusicModelSpec.LSTM_WEIGHT_HH), t(bundle, spec, MusicModelSpec.LSTM_BIAS));
        Dense style = new Dense(spec.lstmHidden(), spec.labelCount(), t(bundle, spec, MusicModelSpec.STYLE_WEIGHT),
                t(bundle, spec, MusicModelSpec.STYLE_BIAS));
        Dense visual = new Dense(spec.lstmHidden(), spec.visualCount(), t(bundle, spec, MusicModelSpec.VISUAL_WEIGHT),
                t(bundle, spec, MusicModelSpec.VISUAL_BIAS));
        MaxPool1d inputPool = spec.inputPool() > 1 ? new MaxPool1d(spec.melBands(), spec.inputPool()) : null;
        return new MusicModel(spec, norm, inputPool, convs, pools, lstm, style, visual);
    }

    private static float[] t(ModelBundle bundle, MusicModelSpec spec, String name) {
        return bundle.tensor(name, spec.shapeOf(name));
    }

    public MusicModelSpec spec() {
        return spec;
    }

    public String[] labels() {
        return spec.labels();
    }

    /** Seconds covered by one output step. */
    public double stepSeconds() {
        return spec.framesPerStep() / AnalysisSettings.frameRate();
    }

    /** Runs the model over a whole song's frames (a trailing partial step is dropped). */
    public ModelOutput run(FrameFeatures frames) {
        if (frames.melBands() != spec.melBands()) {
            throw new IllegalArgumentException("features have " + frames.melBands() + " mel bands, the model needs "
                    + spec.melBands());
        }
        return newStream().push(frames.logMel(), 0, frames.frames());
    }

    public MusicModelStream newStream() {
        return new MusicModelStream(this);
    }

    MelNormalizer normalizer() {
        return normalizer;
    }

    /** The input's max pool, or null when the network reads every frame. */
    MaxPool1d inputPool() {
        return inputPool;
    }

    Conv1d conv(int i) {
        return convs[i];
    }

    MaxPool1d pool(int i) {
        return pools[i];
    }

    Lstm lstm() {
        return lstm;
    }

    Dense styleHead() {
        return style;
    }

    Dense visualHead() {
        return visual;
    }
}
