package dev.aivj.training.music;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.aivj.engine.model.MusicModelSpec;

/**
 * The music model as a DJL block, built from the same {@link MusicModelSpec} as engine-core's inference
 * ({@code dev.aivj.engine.model}): per conv layer, zero left-padding of kernel−1 frames (causal) → Conv1d →
 * BatchNorm → ReLU → optional max pool (after an optional max pool of the input); then an LSTM (batch first) and two linear heads.
 *
 * <p>Input: normalised log-mel (see engine-core's MelNormalizer), shape (batch, frames, melBands). Output:
 * {@code NDList(styleLogits (batch, steps, labels), visualLogits (batch, steps, visual))}; softmax and sigmoid
 * are applied by the loss and by the engine.
 */
public final class MusicNet extends AbstractBlock {
    private static final byte VERSION = 1;
    /** Batch-norm epsilon; export folds with the same value. */
    public static final float BN_EPSILON = 1e-5f;

    private final MusicModelSpec spec;
    private final Conv1d[] convs;
    private final BatchNorm[] norms;
    private final LSTM lstm;
    private final Linear style;
    private final Linear visual;

    public MusicNet(MusicModelSpec spec) {
        super(VERSION);
        this.spec = spec;
        int n = spec.convLayers();
        convs = new Conv1d[n];
        norms = new BatchNorm[n];
        for (int i = 0; i < n; i++) {
            convs[i] = addChildBlock("conv" + (i + 1), Conv1d.builder().setKernelShape(new Shape(spec.convKernel(i)))
                    .setFilters(spec.convChannels(i)).optBias(true).build());
            norms[i] = addChildBlock("bn" + (i + 1), BatchNorm.builder().optAxis(1).optEpsilon(BN_EPSILON).build());
        }
        lstm = addChildBlock("lstm", LSTM.builder().setStateSize(spec.lstmHidden()).setNumLayers(1)
                .optBatchFirst(true).optReturnState(false).build());
        style = addChildBlock("style", Linear.builder().setUnits(spec.labelCount()).build());
        visual = addChildBlock("visual", Linear.builder().setUnits(spec.visualCount()).build());
    }

    public MusicModelSpec spec() {
        return spec;
    }

    public Conv1d conv(int i) {
        return convs[i];
    }

    public BatchNorm norm(int i) {
        return norms[i];
    }

    public LSTM lstm() {
        return lstm;
    }

    public Linear styleHead() {
        return style;
    }

    public Linear visualHead() {
        return visual;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow().transpose(0, 2, 1); // (B, C, T)
        if (spec.inputPool() > 1) {
            x = Pool.maxPool1d(x, new Shape(spec.inputPool()), new Shape(spec.inputPool()), new Shape(0), false);
        }
        for (int i = 0; i < convs.length; i++) {
            int pad = spec.convKernel(i) - 1;
            if (pad > 0) {
                Shape s = x.getShape();
                NDArray zeros = x.getManager().zeros(new Shape(s.get(0), s.get(1), pad), x.getDataType());
                x = zeros.concat(x, 2);
            }
            x = convs[i].forward(ps, new NDList(x), training).singletonOrThrow();
            x = norms[i].forward(ps, new NDList(x), training).singletonOrThrow();
            x = Activation.relu(x);
            int p = spec.poolSize(i);
            if (p > 1) {
                x = Pool.maxPool1d(x, new Shape(p), new Shape(p), new Shape(0), false);
            }
        }
        NDArray seq = x.transpose(0, 2, 1); // (B, steps, C)
        NDArray h = lstm.forward(ps, new NDList(seq), training).get(0);
        NDArray s = style.forward(ps, new NDList(h), training).singletonOrThrow();
        NDArray v = visual.forward(ps, new NDList(h), training).singletonOrThrow();
        return new NDList(s, v);
    }

    /** Output steps for an input of {@code frames} frames. */
    public int steps(long frames) {
        long t = frames / spec.inputPool();
        for (int i = 0; i < spec.convLayers(); i++) {
            t /= spec.poolSize(i);
        }
        return (int) t;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape in = inputs[0];
        long steps = steps(in.get(1));
        return new Shape[] {new Shape(in.get(0), steps, spec.labelCount()), new Shape(in.get(0), steps, spec.visualCount())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        long batch = in.get(0);
        long t = in.get(1) / spec.inputPool();
        for (int i = 0; i < convs.length; i++) {
            convs[i].initialize(manager, dataType, new Shape(batch, spec.convInput(i), t + spec.convKernel(i) - 1));
            norms[i].initialize(manager, dataType, new Shape(batch, spec.convChannels(i), t));
            t /= spec.poolSize(i);
        }
        lstm.initialize(manager, dataType, new Shape(batch, t, spec.lstmInput()));
        style.initialize(manager, dataType, new Shape(batch, t, spec.lstmHidden()));
        visual.initialize(manager, dataType, new Shape(batch, t, spec.lstmHidden()));
    }
}
