package dev.aivj.training.music;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import dev.aivj.audioio.AudioFileDecoder;
import dev.aivj.audioio.DecodedAudio;
import dev.aivj.engine.AudioAnalyzer;
import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.model.MelNormalizer;
import dev.aivj.engine.model.MusicModelSpec;
import dev.aivj.engine.model.VisualParameters;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains {@link MusicNet} on labelled log-mel patches (engine-core's features only) with DJL's PyTorch engine.
 *
 * <ul>
 *   <li>Loss per patch: mean over output steps of the style cross-entropy against the song's label, plus
 *       {@code visualLossWeight} × mean squared error of sigmoid(visual) against the song's visual target when
 *       it has one.</li>
 *   <li>Deterministic for a seed (CPU, one thread): the seed fixes initialisation, and epoch e's shuffle uses
 *       {@code Random(seed + 1_000_003·e)}.</li>
 *   <li>A checkpoint after each epoch ({@link MusicCheckpoint}); {@link #train} resumes from the newest one in
 *       the output folder, restoring parameters and Adam state, so a resumed run equals an uninterrupted one.</li>
 *   <li>Progress lines with loss and ETA go to the log consumer.</li>
 * </ul>
 *
 * <p>Entry point: {@code java -cp <training-offline classpath> dev.aivj.training.music.MusicModelTrainer
 * --corpus corpus.json --out runs/style-v1 [--epochs 30] [--seed 42] [--batch 16] [--lr 0.001]
 * [--patch-frames 256] [--hop-frames 128]} (corpus format: {@link MusicCorpus}). Export the result with
 * model-export's {@code dev.aivj.export.MusicModelExporter --checkpoint runs/style-v1 --out bundle/}.
 */
public final class MusicModelTrainer {
    /** Hyper-parameters; patchFrames must be a multiple of the spec's frames per step. */
    public record Config(int patchFrames, int hopFrames, int batchSize, int epochs, float learningRate, long seed,
            float visualLossWeight, int logEveryBatches) {
        public static Config defaults() {
            return new Config(256, 128, 16, 30, 1e-3f, 42, 0.5f, 20);
        }

        public Config withEpochs(int e) {
            return new Config(patchFrames, hopFrames, batchSize, e, learningRate, seed, visualLossWeight,
                    logEveryBatches);
        }
    }

    /** What a call to {@link #train} did. */
    public record Result(int firstEpoch, int lastEpoch, double[] trainLoss, double[] valLoss, double[] valAccuracy,
            Path checkpoint) {
    }

    private final Config config;
    private final MusicModelSpec spec;
    private final Path out;
    private final Consumer<String> log;

    public MusicModelTrainer(Config config, MusicModelSpec spec, Path out, Consumer<String> log) {
        if (config.patchFrames() % spec.framesPerStep() != 0) {
            throw new IllegalArgumentException("patchFrames " + config.patchFrames() + " is not a multiple of "
                    + spec.framesPerStep() + " frames per step");
        }
        this.config = config;
        this.spec = spec;
        this.out = out;
        this.log = log;
    }

    /**
     * Trains up to {@code config.epochs()} epochs in total, resuming after the newest checkpoint in the output
     * folder if there is one (then its normaliser is reused; otherwise it is fitted on {@code train}).
     */
    public Result train(MusicExamples train, MusicExamples val) throws IOException {
        if (train.size() == 0) {
            throw new IllegalArgumentException("no training patches");
        }
        Path resumeFrom = MusicCheckpoint.latest(out);
        MusicCheckpoint.State resumed = resumeFrom == null ? null : MusicCheckpoint.readState(resumeFrom);
        if (resumed != null && !resumed.spec().toJson().equals(spec.toJson())) {
            throw new IllegalArgumentException(resumeFrom + " was trained with another model spec");
        }
        if (resumed != null && resumed.seed() != config.seed()) {
            throw new IllegalArgumentException(resumeFrom + " was trained with seed " + resumed.seed());
        }
        MelNormalizer norm = resumed != null ? resumed.normalizer() : train.fitNormalizer();
        int startEpoch = resumed == null ? 1 : resumed.epoch() + 1;
        double[] trainLoss = resumed == null ? new double[0] : resumed.trainLoss();
        double[] valLoss = resumed == null ? new double[0] : resumed.valLoss();
        List<Double> valAcc = new ArrayList<>();

        Engine.getEngine("PyTorch").setRandomSeed((int) config.seed());
        ResumableAdam adam = new ResumableAdam(config.learningRate());
        Path last = resumeFrom;
        try (Model model = Model.newInstance("aivj-music", "PyTorch")) {
            MusicNet net = new MusicNet(spec);
            model.setBlock(net);
            DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(adam)
                    .optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(tc)) {
                trainer.initialize(new Shape(config.batchSize(), config.patchFrames(), spec.melBands()));
                adam.bindNames(net);
                if (resumed != null) {
                    MusicCheckpoint.loadParameters(resumeFrom, net, model.getNDManager());
                    try (NDManager tmp = model.getNDManager().newSubManager()) {
                        adam.restore(MusicCheckpoint.readOptimizer(resumeFrom, tmp), resumed.optimizerSteps(),
                                model.getNDManager());
                    }
                    log.accept("resumed from " + resumeFrom + " (epoch " + resumed.epoch() + ")");
                }
                int batches = (train.size() + config.batchSize() - 1) / config.batchSize();
                long totalBatches = (long) batches * Math.max(0, config.epochs() - startEpoch + 1);
                long done = 0;
                long t0 = System.nanoTime();
                for (int epoch = startEpoch; epoch <= config.epochs(); epoch++) {
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < train.size(); i++) {
                        order.add(i);
                    }
                    Collections.shuffle(order, new Random(config.seed() + 1_000_003L * epoch));
                    double lossSum = 0;
                    for (int b = 0; b < batches; b++) {
                        List<MusicExamples.Example> batch = new ArrayList<>();
                        for (int i = b * config.batchSize(); i < Math.min(train.size(), (b + 1) * config.batchSize()); i++) {
                            batch.add(train.examples().get(order.get(i)));
                        }
                        try (NDManager bm = trainer.getManager().newSubManager()) {
                            NDList x = new NDList(input(bm, batch, norm));
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                // DJL's PyTorch collector does not clear .grad: without this, gradients of all
                                // earlier batches would accumulate (and a resumed run would differ).
                                gc.zeroGradients();
                                NDList y = trainer.forward(x);
                                NDArray loss = loss(bm, y, batch);
                                lossSum += loss.getFloat() * batch.size();
                                gc.backward(loss);
                            }
                            trainer.step();
                        }
                        done++;
                        if ((b + 1) % config.logEveryBatches() == 0 || b + 1 == batches) {
                            double elapsed = (System.nanoTime() - t0) / 1e9;
                            double eta = elapsed / done * (totalBatches - done);
                            log.accept(String.format("epoch %d/%d batch %d/%d loss %.4f elapsed %s ETA %s", epoch,
                                    config.epochs(), b + 1, batches, lossSum / Math.min(train.size(),
                                            (b + 1) * config.batchSize()), clock(elapsed), clock(eta)));
                        }
                    }
                    trainLoss = append(trainLoss, lossSum / train.size());
                    double[] v = val == null || val.size() == 0 ? new double[] {Double.NaN, Double.NaN}
                            : evaluate(net, model.getNDManager(), val, norm);
                    valLoss = append(valLoss, v[0]);
                    valAcc.add(v[1]);
                    log.accept(String.format("epoch %d/%d done: train loss %.4f, val loss %.4f, val accuracy %.3f",
                            epoch, config.epochs(), trainLoss[trainLoss.length - 1], v[0], v[1]));
                    last = MusicCheckpoint.save(out, net, adam, new MusicCheckpoint.State(epoch, config.seed(), spec,
                            norm, adam.stepCounts(), trainLoss, valLoss));
                    log.accept("checkpoint " + last);
                }
            }
        }
        return new Result(startEpoch, config.epochs(), trainLoss, valLoss,
                valAcc.stream().mapToDouble(Double::doubleValue).toArray(), last);
    }

    private NDArray input(NDManager m, List<MusicExamples.Example> batch, MelNormalizer norm) {
        int per = config.patchFrames() * spec.melBands();
        float[] data = new float[batch.size() * per];
        for (int i = 0; i < batch.size(); i++) {
            System.arraycopy(MusicExamples.normalized(batch.get(i), norm), 0, data, i * per, per);
        }
        return m.create(data, new Shape(batch.size(), config.patchFrames(), spec.melBands()));
    }

    /** Per-patch loss averaged over the batch. */
    private NDArray loss(NDManager m, NDList y, List<MusicExamples.Example> batch) {
        int n = batch.size();
        int labels = spec.labelCount();
        int vis = VisualParameters.COUNT;
        float[] oneHot = new float[n * labels];
        float[] target = new float[n * vis];
        float[] mask = new float[n];
        for (int i = 0; i < n; i++) {
            MusicExamples.Example e = batch.get(i);
            oneHot[i * labels + e.label()] = 1;
            if (e.visualTarget() != null) {
                System.arraycopy(e.visualTarget(), 0, target, i * vis, vis);
                mask[i] = 1;
            }
        }
        NDArray logp = y.get(0).logSoftmax(2); // (B, steps, labels)
        NDArray ce = logp.mul(m.create(oneHot, new Shape(n, 1, labels))).sum(new int[] {2}).mean().neg();
        NDArray err = ai.djl.nn.Activation.sigmoid(y.get(1)).sub(m.create(target, new Shape(n, 1, vis)));
        NDArray mse = err.square().mean(new int[] {2}).mean(new int[] {1}).mul(m.create(mask)).mean();
        return ce.add(mse.mul(config.visualLossWeight()));
    }

    /** {mean cross-entropy, accuracy of the step-averaged probabilities} over the validation patches. */
    private double[] evaluate(MusicNet net, NDManager manager, MusicExamples val, MelNormalizer norm) {
        double ce = 0;
        int correct = 0;
        try (NDManager m = manager.newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            for (int s = 0; s < val.size(); s += config.batchSize()) {
                List<MusicExamples.Example> batch = val.examples().subList(s, Math.min(val.size(), s + config.batchSize()));
                try (NDManager bm = m.newSubManager()) {
                    NDList y = net.forward(ps, new NDList(input(bm, batch, norm)), false);
                    float[] logp = y.get(0).logSoftmax(2).mean(new int[] {1}).toFloatArray();
                    int labels = spec.labelCount();
                    float[] all = y.get(0).logSoftmax(2).toFloatArray();
                    int steps = all.length / batch.size() / labels;
                    for (int i = 0; i < batch.size(); i++) {
                        int label = batch.get(i).label();
                        double sum = 0;
                        for (int t = 0; t < steps; t++) {
                            sum -= all[(i * steps + t) * labels + label];
                        }
                        ce += sum / steps;
                        int best = 0;
                        for (int l = 1; l < labels; l++) {
                            if (logp[i * labels + l] > logp[i * labels + best]) {
                                best = l;
                            }
                        }
                        correct += best == label ? 1 : 0;
                    }
                }
            }
        }
        return new double[] {ce / val.size(), (double) correct / val.size()};
    }

    private static double[] append(double[] a, double v) {
        double[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%02d:%02d", s / 60, s % 60);
    }

    /** Decodes and analyses each corpus song (engine-core's AudioAnalyzer) into train and val patches. */
    public static MusicExamples[] examples(MusicCorpus corpus, Config config, Consumer<String> log)
            throws IOException, dev.aivj.audioio.AudioDecodeException {
        MusicExamples train = new MusicExamples(config.patchFrames(), config.hopFrames());
        MusicExamples val = new MusicExamples(config.patchFrames(), config.hopFrames());
        AudioAnalyzer analyzer = new AudioAnalyzer();
        int i = 0;
        for (MusicCorpus.Song s : corpus.songs()) {
            DecodedAudio audio = AudioFileDecoder.decode(s.path());
            FrameFeatures f = analyzer.analyze(audio.interleaved(), audio.channels(), audio.sampleRate()).frames();
            int n = (s.validation() ? val : train).add(f, s.label(), s.visualTarget(), s.path().getFileName().toString(),
                    s.startSeconds(), s.endSeconds());
            log.accept(String.format("[%d/%d] %s: %d patches (%s)", ++i, corpus.songs().size(), s.path(), n,
                    s.validation() ? "val" : "train"));
        }
        return new MusicExamples[] {train, val};
    }

    public static void main(String[] args) throws Exception {
        Config c = Config.defaults();
        Path corpus = null;
        Path outDir = null;
        for (int i = 0; i < args.length; i += 2) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            if (v == null) {
                throw new IllegalArgumentException("missing value for " + args[i]);
            }
            switch (args[i]) {
                case "--corpus" -> corpus = Path.of(v);
                case "--out" -> outDir = Path.of(v);
                case "--epochs" -> c = new Config(c.patchFrames(), c.hopFrames(), c.batchSize(), Integer.parseInt(v),
                        c.learningRate(), c.seed(), c.visualLossWeight(), c.logEveryBatches());
                case "--seed" -> c = new Config(c.patchFrames(), c.hopFrames(), c.batchSize(), c.epochs(),
                        c.learningRate(), Long.parseLong(v), c.visualLossWeight(), c.logEveryBatches());
                case "--batch" -> c = new Config(c.patchFrames(), c.hopFrames(), Integer.parseInt(v), c.epochs(),
                        c.learningRate(), c.seed(), c.visualLossWeight(), c.logEveryBatches());
                case "--lr" -> c = new Config(c.patchFrames(), c.hopFrames(), c.batchSize(), c.epochs(),
                        Float.parseFloat(v), c.seed(), c.visualLossWeight(), c.logEveryBatches());
                case "--patch-frames" -> c = new Config(Integer.parseInt(v), c.hopFrames(), c.batchSize(), c.epochs(),
                        c.learningRate(), c.seed(), c.visualLossWeight(), c.logEveryBatches());
                case "--hop-frames" -> c = new Config(c.patchFrames(), Integer.parseInt(v), c.batchSize(), c.epochs(),
                        c.learningRate(), c.seed(), c.visualLossWeight(), c.logEveryBatches());
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (corpus == null || outDir == null) {
            System.err.println("usage: MusicModelTrainer --corpus corpus.json --out dir [--epochs N] [--seed S]"
                    + " [--batch B] [--lr LR] [--patch-frames F] [--hop-frames H]");
            System.exit(2);
        }
        MusicCorpus data = MusicCorpus.read(corpus);
        MusicExamples[] ex = examples(data, c, System.out::println);
        Result r = new MusicModelTrainer(c, MusicModelSpec.defaults(data.labels()), outDir, System.out::println)
                .train(ex[0], ex[1]);
        System.out.println("finished epoch " + r.lastEpoch() + ", checkpoint " + r.checkpoint());
    }
}
