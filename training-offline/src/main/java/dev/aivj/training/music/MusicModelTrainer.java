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
import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.model.MelNormalizer;
import dev.aivj.engine.model.MusicModelSpec;
import dev.aivj.engine.model.VisualParameters;
import dev.aivj.training.corpus.CorpusTrack;
import dev.aivj.training.corpus.Split;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.IntFunction;

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
 * --out runs/music-v1 [--manifest music-manifest.csv] [--audio-dir DIR] [--features-dir DIR]
 * [--teacher visual-profiles.json] [--epochs 30] [--patience 10] [--seed 42] [--batch 16] [--lr 0.0003]
 * [--patch-frames 512] [--hop-frames 128] [--augment true]}: data from the corpus manifest
 * ({@link ManifestCorpus}), visual targets from the {@link TeacherMapping}; the checkpoint with the lowest
 * validation loss is marked best. Export it (and evaluate on the test split) with model-export's
 * {@code dev.aivj.export.MusicModelExporter --checkpoint runs/music-v1 --out bundle/}.
 */
public final class MusicModelTrainer {
    /** Hyper-parameters; patchFrames must be a multiple of the spec's frames per step. */
    public record Config(int patchFrames, int hopFrames, int batchSize, int epochs, float learningRate, long seed,
            float visualLossWeight, int logEveryBatches, int patience, boolean augment, int patchesPerTrack) {
        public Config(int patchFrames, int hopFrames, int batchSize, int epochs, float learningRate, long seed,
                float visualLossWeight, int logEveryBatches, int patience) {
            this(patchFrames, hopFrames, batchSize, epochs, learningRate, seed, visualLossWeight, logEveryBatches,
                    patience, false, 8);
        }

        /** No early stopping (patience 0). */
        public Config(int patchFrames, int hopFrames, int batchSize, int epochs, float learningRate, long seed,
                float visualLossWeight, int logEveryBatches) {
            this(patchFrames, hopFrames, batchSize, epochs, learningRate, seed, visualLossWeight, logEveryBatches, 0);
        }

        public static Config defaults() {
            // The recipe the leave-one-package-out evaluation measures: a fixed 10 epochs (no validation package is
            // left there to stop early on), 8 patches per track and epoch.
            return new Config(512, 128, 16, 10, 1e-3f, 42, 0.5f, 20, 0, true, 8);
        }

        public Config withEpochs(int e) {
            return new Config(patchFrames, hopFrames, batchSize, e, learningRate, seed, visualLossWeight,
                    logEveryBatches, patience, augment, patchesPerTrack);
        }

        public Config withPatchesPerTrack(int n) {
            return new Config(patchFrames, hopFrames, batchSize, epochs, learningRate, seed, visualLossWeight,
                    logEveryBatches, patience, augment, n);
        }

        public Config withSeed(long s) {
            return new Config(patchFrames, hopFrames, batchSize, epochs, learningRate, s, visualLossWeight,
                    logEveryBatches, patience, augment, patchesPerTrack);
        }
    }

    /** What a call to {@link #train} did. */
    public record Result(int firstEpoch, int lastEpoch, double[] trainLoss, double[] valLoss, double[] valAccuracy,
            Path checkpoint, int bestEpoch, Path best) {
    }

    private final Config config;
    private final MusicModelSpec spec;
    private final Path out;
    private final Consumer<String> log;
    private float[] classWeights;
    private TeacherEnsemble teacher;
    private float hardLabelWeight = 1;

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
     * Distils from {@code teacher}: every training patch's style target mixes its label (weight
     * {@code hardLabelWeight}) with the teacher's probabilities for the same augmented patch; pseudo-labelled patches
     * learn from the teacher alone. The visual head keeps its mapping targets.
     */
    public MusicModelTrainer distillingFrom(TeacherEnsemble teacher, float hardLabelWeight) {
        if (hardLabelWeight < 0 || hardLabelWeight > 1) {
            throw new IllegalArgumentException("hard-label weight must be in 0..1, got " + hardLabelWeight);
        }
        this.teacher = teacher;
        this.hardLabelWeight = hardLabelWeight;
        return this;
    }

    /**
     * Trains up to {@code config.epochs()} epochs in total, resuming after the newest checkpoint in the output
     * folder if there is one (then its normaliser is reused; otherwise it is fitted on {@code train}).
     */
    public Result train(MusicExamples train, MusicExamples val) throws IOException {
        return train(epoch -> train, val);
    }

    /**
     * As {@link #train(MusicExamples, MusicExamples)}, with the training patches of each epoch drawn by
     * {@code trainEpochs} (e.g. a {@link TrackPatchSampler}); the normaliser is fitted on epoch 1's patches.
     */
    public Result train(IntFunction<MusicExamples> trainEpochs, MusicExamples val) throws IOException {
        MusicExamples first = trainEpochs.apply(1);
        if (first.size() == 0) {
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
        MelNormalizer norm = resumed != null ? resumed.normalizer() : first.fitNormalizer();
        int startEpoch = resumed == null ? 1 : resumed.epoch() + 1;
        double[] trainLoss = resumed == null ? new double[0] : resumed.trainLoss();
        double[] valLoss = resumed == null ? new double[0] : resumed.valLoss();
        List<Double> valAcc = new ArrayList<>();
        classWeights = classWeights(first);
        int bestEpoch = 0;
        for (int i = 0; i < valLoss.length; i++) {
            if (bestEpoch == 0 || valLoss[i] < valLoss[bestEpoch - 1]) {
                bestEpoch = i + 1;
            }
        }

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
                int batches = (first.size() + config.batchSize() - 1) / config.batchSize();
                long totalBatches = (long) batches * Math.max(0, config.epochs() - startEpoch + 1);
                long done = 0;
                long t0 = System.nanoTime();
                for (int epoch = startEpoch; epoch <= config.epochs(); epoch++) {
                    MusicExamples train = epoch == 1 ? first : trainEpochs.apply(epoch);
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
                            Random aug = config.augment() ? new Random(config.seed() * 31 + 7_919L * epoch + b)
                                    : null;
                            List<MusicExamples.Example> seen = augmented(batch, aug);
                            NDList x = new NDList(input(bm, seen, norm));
                            // The teacher reads the very patch the student sees, augmentation included.
                            float[] taught = teacher == null ? null : teacher.patchProbabilities(
                                    seen.stream().map(MusicExamples.Example::logMel).toList(), config.patchFrames());
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                // DJL's PyTorch collector does not clear .grad: without this, gradients of all
                                // earlier batches would accumulate (and a resumed run would differ).
                                gc.zeroGradients();
                                NDList y = trainer.forward(x);
                                NDArray loss = loss(bm, y, seen, taught);
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
                    // Model selection on the validation split: the best epoch is the lowest validation loss.
                    if (!Double.isNaN(v[0]) && (bestEpoch == 0 || v[0] < valLoss[bestEpoch - 1])) {
                        bestEpoch = epoch;
                        MusicCheckpoint.markBest(out, last);
                        log.accept("best so far: epoch " + epoch);
                    }
                    if (config.patience() > 0 && bestEpoch > 0 && epoch - bestEpoch >= config.patience()) {
                        log.accept("early stop: no validation improvement for " + config.patience() + " epochs");
                        break;
                    }
                }
            }
        }
        return new Result(startEpoch, trainLoss.length, trainLoss, valLoss,
                valAcc.stream().mapToDouble(Double::doubleValue).toArray(), last, bestEpoch,
                MusicCheckpoint.best(out));
    }

    /** The batch as the network sees it this step: augmented copies (aug != null) or the patches themselves. */
    private List<MusicExamples.Example> augmented(List<MusicExamples.Example> batch, Random aug) {
        if (aug == null) {
            return batch;
        }
        List<MusicExamples.Example> out = new ArrayList<>(batch.size());
        for (MusicExamples.Example e : batch) {
            out.add(e.withLogMel(MelAugmentation.apply(e.logMel(), config.patchFrames(), aug)));
        }
        return out;
    }

    private NDArray input(NDManager m, List<MusicExamples.Example> batch, MelNormalizer norm) {
        int per = config.patchFrames() * spec.melBands();
        float[] data = new float[batch.size() * per];
        for (int i = 0; i < batch.size(); i++) {
            MusicExamples.Example e = batch.get(i);
            System.arraycopy(norm.normalize(e.logMel(), 0, config.patchFrames()), 0, data, i * per, per);
        }
        return m.create(data, new Shape(batch.size(), config.patchFrames(), spec.melBands()));
    }

    /**
     * The style target of patch i: its label as a one-hot, or with a teacher ({@code taught}: [patches × labels]
     * probabilities) {@code hardLabelWeight}·one-hot + (1 − hardLabelWeight)·teacher for a labelled patch and the
     * teacher alone for a pseudo-labelled one.
     */
    private float[] styleTargets(List<MusicExamples.Example> batch, float[] taught) {
        int labels = spec.labelCount();
        float[] target = new float[batch.size() * labels];
        for (int i = 0; i < batch.size(); i++) {
            MusicExamples.Example e = batch.get(i);
            float hard = taught == null ? 1 : e.pseudoLabel() ? 0 : hardLabelWeight;
            target[i * labels + e.label()] += hard;
            if (hard < 1) {
                for (int l = 0; l < labels; l++) {
                    target[i * labels + l] += (1 - hard) * taught[i * labels + l];
                }
            }
        }
        return target;
    }

    /** Per-patch loss averaged over the batch. */
    private NDArray loss(NDManager m, NDList y, List<MusicExamples.Example> batch, float[] taught) {
        int n = batch.size();
        int labels = spec.labelCount();
        int vis = VisualParameters.COUNT;
        float[] styleTarget = styleTargets(batch, taught);
        int steps = (int) y.get(1).getShape().get(1);
        float[] target = new float[n * steps * vis];
        float[] mask = new float[n];
        float[] weight = new float[n];
        for (int i = 0; i < n; i++) {
            MusicExamples.Example e = batch.get(i);
            weight[i] = classWeights[e.label()];
            float[] t = e.visualTarget();
            if (t != null) {
                for (int s = 0; s < steps; s++) {
                    // One target per patch is broadcast over its steps; per-step targets are copied.
                    System.arraycopy(t, t.length == vis ? 0 : s * vis, target, (i * steps + s) * vis, vis);
                }
                mask[i] = 1;
            }
        }
        NDArray logp = y.get(0).logSoftmax(2); // (B, steps, labels)
        NDArray ce = logp.mul(m.create(styleTarget, new Shape(n, 1, labels))).sum(new int[] {2}).mean(new int[] {1})
                .mul(m.create(weight)).mean().neg();
        NDArray err = ai.djl.nn.Activation.sigmoid(y.get(1)).sub(m.create(target, new Shape(n, steps, vis)));
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

    /** Inverse-frequency class weights over the training patches, mean 1 over the classes present. */
    private float[] classWeights(MusicExamples train) {
        int labels = spec.labelCount();
        int[] count = new int[labels];
        for (MusicExamples.Example e : train.examples()) {
            count[e.label()]++;
        }
        int present = 0;
        for (int c : count) {
            present += c > 0 ? 1 : 0;
        }
        float[] w = new float[labels];
        for (int l = 0; l < labels; l++) {
            w[l] = count[l] == 0 ? 0 : (float) train.size() / (present * count[l]);
        }
        return w;
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

    /** The training tracks (patches drawn per epoch) and the fixed validation patches. */
    public record TrainingData(TrackPatchSampler train, MusicExamples val) {
    }

    /**
     * The training data from the manifest's {@code train} and {@code validation} tracks of the model's labels
     * (features from engine-core, through the {@link FeatureCache}; visual targets from the {@link TeacherMapping}).
     * Test tracks are never read here.
     */
    public static TrainingData examples(ManifestCorpus corpus, Config config, MusicModelSpec spec,
            TeacherMapping teacher, FeatureCache cache, Consumer<String> log)
            throws IOException, dev.aivj.audioio.AudioDecodeException {
        MusicExamples val = new MusicExamples(config.patchFrames(), config.hopFrames());
        TrackPatchSampler train = sampler(config, spec);
        List<CorpusTrack> tracks = new ArrayList<>(corpus.tracks(Split.TRAIN));
        tracks.addAll(corpus.tracks(Split.VALIDATION));
        int i = 0;
        for (CorpusTrack t : tracks) {
            if (t.split() == Split.TRAIN) {
                addTrack(train, t, corpus.labelOf(t.style()), corpus, spec, teacher, cache);
            } else {
                add(val, t, corpus, spec, teacher, cache);
            }
            log.accept(String.format("[%d/%d] %s (%s, %s)", ++i, tracks.size(), t.audio(), t.style().id(),
                    t.split().id()));
        }
        log.accept("tracks: train " + train.tracks().size() + " (" + config.patchesPerTrack()
                + " patches each per epoch), validation patches " + val.size());
        return new TrainingData(train, val);
    }

    /** An empty sampler for {@code config}: patches with spare frames for the time-stretch augmentation. */
    public static TrackPatchSampler sampler(Config config, MusicModelSpec spec) {
        int step = spec.framesPerStep();
        int margin = config.augment()
                ? (MelAugmentation.sourceFrames(config.patchFrames()) - config.patchFrames() + step - 1) / step * step
                : 0;
        return new TrackPatchSampler(config.patchFrames(), margin, step, config.patchesPerTrack(), config.seed());
    }

    /** Adds one training track to {@code into} with label {@code label} (-1: not a model label, skipped). */
    public static boolean addTrack(TrackPatchSampler into, CorpusTrack t, int label, ManifestCorpus corpus,
            MusicModelSpec spec, TeacherMapping teacher, FeatureCache cache)
            throws IOException, dev.aivj.audioio.AudioDecodeException {
        if (label < 0) {
            return false;
        }
        FrameFeatures f = cache.get(corpus.audio(t)).frames();
        float[] targets = teacher.stepTargets(t.style().id(), f, spec.framesPerStep());
        return into.add(new TrackPatchSampler.Track(t.audio(), f, label, targets, t.artist()));
    }

    /** Adds one track's patches; refuses a test track (the test split is for the final evaluation only). */
    static int add(MusicExamples into, CorpusTrack t, ManifestCorpus corpus, MusicModelSpec spec,
            TeacherMapping teacher, FeatureCache cache) throws IOException, dev.aivj.audioio.AudioDecodeException {
        if (t.split() == Split.TEST) {
            throw new IllegalArgumentException("test track " + t.audio() + " must not be used for training");
        }
        int label = corpus.labelOf(t.style());
        if (label < 0) {
            return 0; // a style that is not a model label (jazz, folk; or no training track)
        }
        FrameFeatures f = cache.get(corpus.audio(t)).frames();
        float[] targets = teacher.stepTargets(t.style().id(), f, spec.framesPerStep());
        return into.addWithStepTargets(f, label, targets, spec.framesPerStep(), t.audio());
    }

    /**
     * The pool tracks the shipped model may learn from: none from a package that holds validation or test tracks
     * (their music must stay unheard by the model that is measured on it).
     */
    static List<UnlabelledPool.Track> poolOutsideEvaluation(ManifestCorpus corpus) throws IOException {
        java.util.Set<String> measured = new java.util.HashSet<>();
        for (CorpusTrack t : corpus.manifest().tracks()) {
            if (t.split() != Split.TRAIN) {
                measured.add(t.packageName());
            }
        }
        return UnlabelledPool.bundled().stream().filter(t -> !measured.contains(t.packageName())).toList();
    }

    public static void main(String[] args) throws Exception {
        Config c = Config.defaults();
        Path manifest = null;
        Path audioDir = ManifestCorpus.defaultAudioDir();
        Path featureDir = null;
        Path teacherFile = null;
        Path outDir = null;
        boolean withoutDistillation = false;
        for (int i = 0; i < args.length; i += 2) {
            if (args[i].equals("--without-distillation")) {
                withoutDistillation = true;
                i--;
                continue;
            }
            String v = i + 1 < args.length ? args[i + 1] : null;
            if (v == null) {
                throw new IllegalArgumentException("missing value for " + args[i]);
            }
            switch (args[i]) {
                case "--manifest" -> manifest = Path.of(v);
                case "--audio-dir" -> audioDir = Path.of(v);
                case "--features-dir" -> featureDir = Path.of(v);
                case "--teacher" -> teacherFile = Path.of(v);
                case "--out" -> outDir = Path.of(v);
                case "--epochs" -> c = new Config(c.patchFrames(), c.hopFrames(), c.batchSize(), Integer.parseInt(v),
                        c.learningRate(), c.seed(), c.visualLossWeight(), c.logEveryBatches(), c.patience(), c.augment(), c.patchesPerTrack());
                case "--patience" -> c = new Config(c.patchFrames(), c.hopFrames(), c.batchSize(), c.epochs(),
                        c.learningRate(), c.seed(), c.visualLossWeight(), c.logEveryBatches(), Integer.parseInt(v), c.augment(), c.patchesPerTrack());
                case "--seed" -> c = new Config(c.patchFrames(), c.hopFrames(), c.batchSize(), c.epochs(),
                        c.learningRate(), Long.parseLong(v), c.visualLossWeight(), c.logEveryBatches(), c.patience(), c.augment(), c.patchesPerTrack());
                case "--batch" -> c = new Config(c.patchFrames(), c.hopFrames(), Integer.parseInt(v), c.epochs(),
                        c.learningRate(), c.seed(), c.visualLossWeight(), c.logEveryBatches(), c.patience(), c.augment(), c.patchesPerTrack());
                case "--lr" -> c = new Config(c.patchFrames(), c.hopFrames(), c.batchSize(), c.epochs(),
                        Float.parseFloat(v), c.seed(), c.visualLossWeight(), c.logEveryBatches(), c.patience(), c.augment(), c.patchesPerTrack());
                case "--patch-frames" -> c = new Config(Integer.parseInt(v), c.hopFrames(), c.batchSize(), c.epochs(),
                        c.learningRate(), c.seed(), c.visualLossWeight(), c.logEveryBatches(), c.patience(), c.augment(), c.patchesPerTrack());
                case "--hop-frames" -> c = new Config(c.patchFrames(), Integer.parseInt(v), c.batchSize(), c.epochs(),
                        c.learningRate(), c.seed(), c.visualLossWeight(), c.logEveryBatches(), c.patience(), c.augment(), c.patchesPerTrack());
                case "--augment" -> c = new Config(c.patchFrames(), c.hopFrames(), c.batchSize(), c.epochs(),
                        c.learningRate(), c.seed(), c.visualLossWeight(), c.logEveryBatches(), c.patience(),
                        Boolean.parseBoolean(v), c.patchesPerTrack());
                case "--patches-per-track" -> c = c.withPatchesPerTrack(Integer.parseInt(v));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (outDir == null) {
            System.err.println("usage: MusicModelTrainer --out dir [--manifest music-manifest.csv (default: bundled)]"
                    + " [--audio-dir $AIVJ_CACHE/corpus] [--features-dir $AIVJ_CACHE/features]"
                    + " [--teacher visual-profiles.json (default: bundled)] [--epochs N] [--patience P] [--seed S]"
                    + " [--batch B] [--lr LR] [--patch-frames F] [--hop-frames H] [--without-distillation]");
            System.exit(2);
        }
        ManifestCorpus corpus = ManifestCorpus.load(manifest, audioDir);
        TeacherMapping teacher = TeacherMapping.load(teacherFile);
        FeatureCache cache = featureDir == null ? FeatureCache.defaultCache() : new FeatureCache(featureDir);
        MusicModelSpec spec = MusicModelSpec.defaults(corpus.labelIds());
        long t0 = System.nanoTime();
        TrainingData data = examples(corpus, c, spec, teacher, cache, System.out::println);
        double prepSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        Result r;
        int trainPatches;
        com.fasterxml.jackson.databind.node.ObjectNode distillation = null;
        if (withoutDistillation) {
            r = new MusicModelTrainer(c, spec, outDir, System.out::println).train(data.train()::epoch, data.val());
            trainPatches = data.train().patchesPerEpoch();
        } else {
            StyleDistillation.Recipe recipe = StyleDistillation.Recipe.defaults();
            StyleDistillation.Outcome o = new StyleDistillation(c, recipe, corpus, teacher, cache, System.out::println)
                    .run(corpus.tracks(Split.TRAIN), t -> corpus.labelOf(t.style()), poolOutsideEvaluation(corpus),
                            spec, data.val(), outDir);
            r = o.student();
            trainPatches = o.studentPatchesPerEpoch();
            distillation = o.toJson(recipe, spec.labels());
        }
        double trainSeconds = (System.nanoTime() - t1) / 1e9;
        TrainingSummary.write(outDir, corpus, teacher, c, r, trainPatches, data.val().size(), prepSeconds,
                trainSeconds, distillation);
        System.out.println("finished epoch " + r.lastEpoch() + ", best epoch " + r.bestEpoch() + " (" + r.best()
                + "), training " + clock(trainSeconds));
    }
}
