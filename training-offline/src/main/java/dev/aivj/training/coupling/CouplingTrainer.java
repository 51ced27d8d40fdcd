package dev.aivj.training.coupling;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.aivj.engine.coupling.CouplingModelSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Trains {@link CouplingNet} with DJL (PyTorch, CPU): batches from an {@link EliteBatchSampler} (or uniform ones),
 * {@link CouplingLoss} with {@link ScoreReweighting}, Adam. After each epoch the validation pairs are ranked; the
 * parameters of the epoch with the best validation Spearman are kept. With {@code patience} > 0 training stops
 * after that many epochs without improvement; the default (0) runs every epoch, because validation Spearman
 * stays flat for the first 10–20 epochs and early stopping there cut some runs short and made the ablations
 * compare lucky starts rather than the items switched off. Deterministic for a seed (one thread).
 */
public final class CouplingTrainer {
    /** Each gradient element is clipped to ±this: a near-zero similarity embedding once blew a run up to NaN. */
    static final float GRADIENT_CLIP = 1f;
    /** What to train; the ablations switch one item off each. */
    public record Config(boolean attention, boolean adaptiveWeights, float beta, float couplingLambda,
            boolean eliteSampling, int epochs, int patience, float learningRate, long seed) {
        public static Config defaults() {
            return new Config(true, true, ScoreReweighting.DEFAULT_BETA, 0.05f, true, 70, 0, 2e-3f, 7);
        }

        public Config withAttention(boolean on) {
            return new Config(on, adaptiveWeights, beta, couplingLambda, eliteSampling, epochs, patience,
                    learningRate, seed);
        }

        public Config withAdaptiveWeights(boolean on) {
            return new Config(attention, on, beta, couplingLambda, eliteSampling, epochs, patience, learningRate,
                    seed);
        }

        public Config withBeta(float b) {
            return new Config(attention, adaptiveWeights, b, couplingLambda, eliteSampling, epochs, patience,
                    learningRate, seed);
        }

        public Config withCouplingLambda(float l) {
            return new Config(attention, adaptiveWeights, beta, l, eliteSampling, epochs, patience, learningRate,
                    seed);
        }

        public Config withEliteSampling(boolean on) {
            return new Config(attention, adaptiveWeights, beta, couplingLambda, on, epochs, patience, learningRate,
                    seed);
        }

        public Config withSeed(long s) {
            return new Config(attention, adaptiveWeights, beta, couplingLambda, eliteSampling, epochs, patience,
                    learningRate, s);
        }

        public Config withPatience(int p) {
            return new Config(attention, adaptiveWeights, beta, couplingLambda, eliteSampling, epochs, p,
                    learningRate, seed);
        }

        public Config withEpochs(int e) {
            return new Config(attention, adaptiveWeights, beta, couplingLambda, eliteSampling, e, patience,
                    learningRate, seed);
        }

        public Config withLearningRate(float lr) {
            return new Config(attention, adaptiveWeights, beta, couplingLambda, eliteSampling, epochs, patience, lr,
                    seed);
        }
    }

    /**
     * A trained model: the parameters of its best validation epoch; divergedEpoch &gt; 0 when training stopped on a
     * non-finite loss in that epoch (the best epoch before it is kept); skippedSteps counts the optimiser steps left
     * out because a gradient was not finite.
     */
    public record Trained(CouplingModelSpec spec, VectorNormalizer normalizer, Map<String, float[]> parameters,
            int bestEpoch, double bestValidationSpearman, List<Double> trainLoss, List<Double> validationSpearman,
            int divergedEpoch, int skippedSteps) {
    }

    private final Config config;
    private final Consumer<String> log;

    public CouplingTrainer(Config config, Consumer<String> log) {
        this.config = config;
        this.log = log;
    }

    public Trained train(List<CouplingExample> train, List<CouplingExample> validation) {
        if (train.isEmpty() || validation.isEmpty()) {
            throw new IllegalArgumentException("need training and validation pairs, have " + train.size() + " and "
                    + validation.size());
        }
        CouplingModelSpec spec = CouplingModelSpec.defaults(config.attention(), config.adaptiveWeights());
        VectorNormalizer norm = VectorNormalizer.fit(uniqueVectors(train));
        BatchSampler sampler = sampler(train);
        Engine.getEngine("PyTorch").setRandomSeed((int) config.seed());
        List<Double> losses = new ArrayList<>();
        List<Double> valRho = new ArrayList<>();
        Map<String, float[]> best = null;
        int bestEpoch = 0;
        double bestRho = Double.NEGATIVE_INFINITY;
        int divergedEpoch = 0;
        int skippedSteps = 0;
        CouplingLoss lossFn = new CouplingLoss(config.beta(), config.couplingLambda());
        try (Model model = Model.newInstance("aivj-coupling", "PyTorch")) {
            CouplingNet net = new CouplingNet(spec);
            model.setBlock(net);
            DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(config.learningRate()))
                            .optClipGrad(GRADIENT_CLIP).build())
                    .optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(tc)) {
                Shape z = new Shape(1, spec.inputSize());
                trainer.initialize(z, z, new Shape(1, spec.spatialSlots().length),
                        new Shape(1, spec.spatialSlots().length), new Shape(1, spec.temporalSlots().length),
                        new Shape(1, spec.temporalSlots().length));
                epochs:
                for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                    double sum = 0;
                    List<List<Integer>> batches = sampler.epoch(epoch);
                    for (List<Integer> idx : batches) {
                        List<CouplingExample> batch = new ArrayList<>();
                        for (int i : idx) {
                            batch.add(train.get(i));
                        }
                        try (NDManager bm = trainer.getManager().newSubManager()) {
                            NDList x = CouplingInputs.of(bm, batch, norm, spec);
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                gc.zeroGradients();
                                NDArray loss = lossFn.of(bm, trainer.forward(x), batch);
                                float value = loss.getFloat();
                                if (!Float.isFinite(value)) {
                                    // Training on from NaN is meaningless; the best epoch so far is still sound.
                                    divergedEpoch = epoch;
                                    log.accept("diverged: loss " + value + " in epoch " + epoch + " (seed "
                                            + config.seed() + "); keeping epoch " + bestEpoch);
                                    break epochs;
                                }
                                sum += value;
                                gc.backward(loss);
                            }
                            if (!gradientsFinite(net)) {
                                // Now and then a backward pass gives the attention's q/k path a NaN gradient
                                // (cause not found); like PyTorch's GradScaler, that step is left out so the
                                // weights stay sound, and the count goes into the report.
                                skippedSteps++;
                                continue;
                            }
                            trainer.step();
                        }
                    }
                    losses.add(sum / batches.size());
                    double rho = spearman(CouplingPredictor.predict(net, model.getNDManager(), norm, validation),
                            validation);
                    valRho.add(rho);
                    if (rho > bestRho) {
                        bestRho = rho;
                        bestEpoch = epoch;
                        best = parameters(net, norm);
                    }
                    log.accept(String.format("epoch %d/%d: loss %.5f, validation Spearman %.4f%s", epoch,
                            config.epochs(), losses.get(losses.size() - 1), rho, bestEpoch == epoch ? " (best)" : ""));
                    if (config.patience() > 0 && epoch - bestEpoch >= config.patience()) {
                        log.accept("early stop: no validation improvement for " + config.patience() + " epochs");
                        break;
                    }
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("training diverged in epoch " + divergedEpoch + " (seed " + config.seed()
                    + ") before any epoch finished");
        }
        if (skippedSteps > 0) {
            log.accept("left out " + skippedSteps + " optimiser step(s) with a non-finite gradient");
        }
        return new Trained(spec, norm, best, bestEpoch, bestRho, losses, valRho, divergedEpoch, skippedSteps);
    }

    /** Whether every parameter's gradient is finite. */
    static boolean gradientsFinite(CouplingNet net) {
        for (String name : net.spec().tensorNames()) {
            if (name.startsWith("norm.")) {
                continue;
            }
            float[] values;
            try (NDArray g = net.parameter(name).getArray().getGradient()) { // a new handle per call: close it
                values = g.toFloatArray();
            }
            for (float g : values) {
                if (!Float.isFinite(g)) {
                    return false;
                }
            }
        }
        return true;
    }

    private BatchSampler sampler(List<CouplingExample> train) {
        List<Integer> elite = new ArrayList<>();
        List<Integer> regular = new ArrayList<>();
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            (train.get(i).elite() ? elite : regular).add(i);
            all.add(i);
        }
        if (config.eliteSampling()) {
            return new EliteBatchSampler(elite, regular, config.seed());
        }
        return new UniformBatchSampler(all, EliteBatchSampler.ELITE_PER_BATCH + EliteBatchSampler.REGULAR_PER_BATCH,
                config.seed());
    }

    static double spearman(float[][] predicted, List<CouplingExample> pairs) {
        double[] q = new double[pairs.size()];
        double[] s = new double[pairs.size()];
        for (int i = 0; i < q.length; i++) {
            q[i] = predicted[i][0];
            s[i] = pairs.get(i).score();
        }
        return RankingMetrics.spearman(q, s);
    }

    /** Every bundle tensor by name: the normaliser plus the net's parameters, copied out. */
    static Map<String, float[]> parameters(CouplingNet net, VectorNormalizer norm) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (String name : net.spec().tensorNames()) {
            if (name.equals("norm.mean")) {
                out.put(name, norm.mean().clone());
            } else if (name.equals("norm.std")) {
                out.put(name, norm.std().clone());
            } else {
                Parameter p = net.parameter(name);
                out.put(name, p.getArray().toFloatArray());
            }
        }
        return out;
    }

    private static List<float[]> uniqueVectors(List<CouplingExample> pairs) {
        Set<String> seen = new LinkedHashSet<>();
        List<float[]> out = new ArrayList<>();
        for (CouplingExample e : pairs) {
            if (seen.add(e.fg())) {
                out.add(e.upper());
            }
            if (seen.add(e.bg())) {
                out.add(e.lower());
            }
        }
        return out;
    }
}
