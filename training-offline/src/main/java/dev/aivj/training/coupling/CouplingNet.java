package dev.aivj.training.coupling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import dev.aivj.engine.coupling.CouplingModelSpec;
import java.util.HashMap;
import java.util.Map;

/**
 * The coupling model as a DJL block: the computation documented in engine-core's {@link CouplingModelSpec}, with
 * one DJL parameter per bundle tensor under the bundle's own name and layout, so export copies them as they are.
 *
 * <p>Input (all already normalised, see {@link CouplingInputs}): {@code NDList(zUpper (B,n), zLower (B,n),
 * spatialUpper (B,s), spatialLower (B,s), temporalUpper (B,t), temporalLower (B,t))}. Output:
 * {@code NDList(quality (B), w_s (B), w_t (B), S (B), T (B), F_upper (B,d), F_lower (B,d))}.
 */
public final class CouplingNet extends AbstractBlock {
    private static final byte VERSION = 1;

    private final CouplingModelSpec spec;
    private final Map<String, Parameter> p = new HashMap<>();

    public CouplingNet(CouplingModelSpec spec) {
        super(VERSION);
        this.spec = spec;
        for (String name : spec.tensorNames()) {
            if (name.startsWith("norm.")) {
                continue; // the normaliser is fitted on the data, not learned
            }
            Parameter.Builder b = Parameter.builder().setName(name).optShape(new Shape(toLongs(spec.shapeOf(name))));
            if (name.endsWith(".weight")) {
                b.setType(Parameter.Type.WEIGHT);
            } else if (name.startsWith("role.") || name.equals("weights.global")) {
                b.setType(Parameter.Type.WEIGHT).optInitializer(new NormalInitializer(0.1f));
            } else {
                b.setType(Parameter.Type.BIAS);
            }
            p.put(name, addParameter(b.build()));
        }
    }

    public CouplingModelSpec spec() {
        return spec;
    }

    /** The DJL parameter holding bundle tensor {@code name}. */
    public Parameter parameter(String name) {
        Parameter out = p.get(name);
        if (out == null) {
            throw new IllegalArgumentException("coupling net has no parameter " + name);
        }
        return out;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        NDArray zu = in.get(0);
        NDArray zl = in.get(1);
        NDArray eu = encode(ps, zu).add(w(ps, zu, "role.upper"));
        NDArray el = encode(ps, zl).add(w(ps, zl, "role.lower"));
        NDArray fu = eu;
        NDArray fl = el;
        if (spec.attention()) {
            NDArray tokens = NDArrays.stack(new NDList(eu, el), 1); // (B, 2, d)
            NDArray q = Linear.linear(tokens, w(ps, tokens, "attn.q.weight")).singletonOrThrow();
            NDArray k = Linear.linear(tokens, w(ps, tokens, "attn.k.weight")).singletonOrThrow();
            NDArray v = Linear.linear(tokens, w(ps, tokens, "attn.v.weight")).singletonOrThrow();
            NDArray att = q.batchMatMul(k.transpose(0, 2, 1)).div(Math.sqrt(spec.embed())).softmax(2);
            NDArray f = att.batchMatMul(v).add(q);
            fu = f.get(":, 0, :");
            fl = f.get(":, 1, :");
        }
        NDArray s = cosine(group(ps, in.get(2), "spatial"), group(ps, in.get(3), "spatial"));
        NDArray t = cosine(group(ps, in.get(4), "temporal"), group(ps, in.get(5), "temporal"));
        NDArray raw;
        if (spec.adaptiveWeights()) {
            NDArray pair = NDArrays.concat(new NDList(fu, fl, fu.mul(fl), fu.sub(fl).abs()), 1);
            raw = dense(ps, Activation.relu(dense(ps, pair, "head1")), "head2"); // (B, 2)
        } else {
            raw = zu.getManager().zeros(new Shape(zu.getShape().get(0), 2)).add(w(ps, zu, "weights.global"));
        }
        NDArray weights = raw.tanh().mul(CouplingModelSpec.W_MAX);
        NDArray ws = weights.get(":, 0");
        NDArray wt = weights.get(":, 1");
        NDArray quality = Activation.sigmoid(ws.mul(s).add(wt.mul(t)).add(w(ps, zu, "bias")));
        return new NDList(quality, ws, wt, s, t, fu, fl);
    }

    private NDArray encode(ParameterStore ps, NDArray z) {
        return dense(ps, Activation.relu(dense(ps, z, "enc1")), "enc2");
    }

    private NDArray group(ParameterStore ps, NDArray x, String name) {
        return dense(ps, Activation.relu(dense(ps, x, name + "1")), name + "2");
    }

    /** x·Wᵀ + b with W stored [out][in], as PyTorch's linear takes it (no transposed copy or view of W). */
    private NDArray dense(ParameterStore ps, NDArray x, String name) {
        return Linear.linear(x, w(ps, x, name + ".weight"), w(ps, x, name + ".bias")).singletonOrThrow();
    }

    private static NDArray cosine(NDArray a, NDArray b) {
        NDArray na = a.square().sum(new int[] {1}).add(CouplingModelSpec.EPS);
        NDArray nb = b.square().sum(new int[] {1}).add(CouplingModelSpec.EPS);
        return a.mul(b).sum(new int[] {1}).div(na.mul(nb).sqrt());
    }

    private NDArray w(ParameterStore ps, NDArray like, String name) {
        return ps.getValue(parameter(name), like.getDevice(), false);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        long b = inputs[0].get(0);
        Shape one = new Shape(b);
        Shape tok = new Shape(b, spec.embed());
        return new Shape[] {one, one, one, one, one, tok, tok};
    }

    @Override
    protected void initializeChildBlocks(ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
        // no child blocks: every parameter is direct and has its shape from the spec
    }

    private static long[] toLongs(int[] shape) {
        long[] out = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            out[i] = shape[i];
        }
        return out;
    }
}
