package dev.aivj.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.aivj.audioio.AudioFileDecoder;
import dev.aivj.audioio.DecodedAudio;
import dev.aivj.audioio.MusicCache;
import dev.aivj.engine.AudioAnalyzer;
import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.model.MelNormalizer;
import dev.aivj.engine.model.ModelOutput;
import dev.aivj.engine.model.MusicModel;
import dev.aivj.engine.model.MusicModelSpec;
import dev.aivj.engine.model.MusicModelStream;
import dev.aivj.engine.model.VisualParameters;
import dev.aivj.training.music.MusicCheckpoint;
import dev.aivj.training.music.MusicNet;
import dev.aivj.training.music.ResumableAdam;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DJL's forward pass (PyTorch engine, inference mode) against engine-core's pure-Java inference on 20 real
 * 10-second clips (4 offsets in each of the 4 sectoid songs and in clip.wav), with seeded untrained weights
 * and randomised batch-norm statistics so that folding is exercised; exported through a checkpoint like the real
 * pipeline. Also: chunked streaming vs whole clip, and the time for a whole song.
 */
class MusicModelParityTest {
    private static final String[] LABELS = {"edm", "classical", "rock", "ambient", "chiptune"};
    private static final List<FrameFeatures> CLIPS = new ArrayList<>();
    private static final List<String> NAMES = new ArrayList<>();
    private static FrameFeatures longSong;
    private static double longSongSeconds;

    @BeforeAll
    static void clips() throws Exception {
        AudioAnalyzer analyzer = new AudioAnalyzer();
        List<Path> files = new ArrayList<>();
        for (String s : new String[] {"Escape from chaosland", "Feelings", "Metal madness", "War of freedom"}) {
            files.add(MusicCache.sectoidSong(s));
        }
        files.add(MusicCache.clip("wav"));
        for (Path f : files) {
            DecodedAudio a = AudioFileDecoder.decode(f);
            int c = a.channels();
            double span = a.durationSeconds() - 10;
            for (double frac : new double[] {0.05, 0.35, 0.65, 0.95}) {
                int start = (int) (frac * span * a.sampleRate());
                float[] pcm = Arrays.copyOfRange(a.interleaved(), start * c, (start + 10 * a.sampleRate()) * c);
                CLIPS.add(analyzer.analyze(pcm, c, a.sampleRate()).frames());
                NAMES.add(f.getParent().getFileName() + "/" + f.getFileName() + "@" + Math.round(frac * span) + "s");
            }
            if (a.durationSeconds() > longSongSeconds) {
                longSongSeconds = a.durationSeconds();
                longSong = analyzer.analyze(a.interleaved(), c, a.sampleRate()).frames();
            }
        }
    }

    @Test
    void djlAndEngineCoreAgreeOnRealClips(@TempDir Path dir) throws Exception {
        assertEquals(20, CLIPS.size());
        MusicModelSpec spec = MusicModelSpec.defaults(LABELS);
        MelNormalizer norm = fit(CLIPS);
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            Engine.getEngine("PyTorch").setRandomSeed(11);
            MusicNet net = new MusicNet(spec);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 64, 64));
            randomiseBatchNorm(net, m, new Random(12));
            MusicCheckpoint.save(dir.resolve("run"), net, new ResumableAdam(1e-3f), new MusicCheckpoint.State(0, 11,
                    spec, norm, Map.of(), new double[0], new double[0]));
            MusicModelExporter.exportCheckpoint(dir.resolve("run"), dir.resolve("bundle"));
            byte[] weights = Files.readAllBytes(dir.resolve("bundle/weights.bin"));
            MusicModel model = MusicModel.load(Files.readString(dir.resolve("bundle/manifest.json")), weights);
            System.out.printf("bundle: %d float32 values, weights.bin %d bytes (%.1f KB)%n", spec.parameterCount(),
                    weights.length, weights.length / 1024.0);
            assertTrue(weights.length < 1 << 20);

            ExportParity.Result parity = ExportParity.measure(MusicModelExporter.checkpointOf(dir.resolve("run")),
                    model, CLIPS);
            double maxStyle = parity.maxStyle();
            double maxVisual = parity.maxVisual();
            double maxStream = 0;
            Random chunks = new Random(13);
            for (int k = 0; k < CLIPS.size(); k++) {
                FrameFeatures f = CLIPS.get(k);
                ModelOutput java = model.run(f);
                float[] ss = new float[java.styleProbabilities().length];
                float[] sv = new float[java.visualParameters().length];
                MusicModelStream s = model.newStream();
                for (int start = 0; start < f.frames(); ) {
                    int n = Math.min(f.frames() - start, 1 + chunks.nextInt(50));
                    ModelOutput o = s.push(f.logMel(), start * 64, n);
                    System.arraycopy(o.styleProbabilities(), 0, ss, o.firstStep() * LABELS.length,
                            o.styleProbabilities().length);
                    System.arraycopy(o.visualParameters(), 0, sv, o.firstStep() * VisualParameters.COUNT,
                            o.visualParameters().length);
                    start += n;
                }
                maxStream = Math.max(maxStream, Math.max(maxDiff(ss, java.styleProbabilities()),
                        maxDiff(sv, java.visualParameters())));
            }
            System.out.printf("parity over %d clips: max |DJL - engine| style %.3g, visual %.3g; max |chunked - whole| %.3g%n",
                    CLIPS.size(), maxStyle, maxVisual, maxStream);
            assertTrue(maxStyle < 1e-4, "style " + maxStyle);
            assertTrue(maxVisual < 1e-4, "visual " + maxVisual);
            assertTrue(maxStream < 1e-5, "streaming " + maxStream);

            // HotSpot inference time on the longest song (warm-up first).
            for (int i = 0; i < 3; i++) {
                model.run(longSong);
            }
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                model.run(longSong);
                best = Math.min(best, System.nanoTime() - t0);
            }
            System.out.printf("engine-core inference: %.1f s song (%d frames) in %.1f ms (best of 5), %.1f ms per 3 min%n",
                    longSongSeconds, longSong.frames(), best / 1e6, best / 1e6 * 180 / longSongSeconds);
        }
    }

    private static void randomiseBatchNorm(MusicNet net, NDManager m, Random r) {
        for (Pair<String, Parameter> p : net.getParameters()) {
            String k = p.getKey();
            if (!k.contains("_bn") && !k.matches("\\d\\dbn.*")) {
                continue;
            }
            NDArray a = p.getValue().getArray();
            float[] v = new float[(int) a.size()];
            for (int i = 0; i < v.length; i++) {
                if (k.endsWith("gamma")) {
                    v[i] = 0.5f + r.nextFloat();
                } else if (k.endsWith("beta")) {
                    v[i] = 0.2f * (float) r.nextGaussian();
                } else if (k.endsWith("runningMean")) {
                    v[i] = 0.3f * (float) r.nextGaussian();
                } else {
                    v[i] = 0.5f + 1.5f * r.nextFloat();
                }
            }
            a.muli(0).addi(m.create(v, a.getShape()));
        }
    }

    private static MelNormalizer fit(List<FrameFeatures> clips) {
        double[] sum = new double[64];
        double[] sq = new double[64];
        long n = 0;
        for (FrameFeatures f : clips) {
            float[] x = f.logMel();
            for (int i = 0; i < x.length; i++) {
                sum[i % 64] += x[i];
                sq[i % 64] += (double) x[i] * x[i];
            }
            n += f.frames();
        }
        float[] mean = new float[64];
        float[] std = new float[64];
        for (int b = 0; b < 64; b++) {
            mean[b] = (float) (sum[b] / n);
            std[b] = (float) Math.max(1, Math.sqrt(sq[b] / n - mean[b] * (double) mean[b]));
        }
        return new MelNormalizer(mean, std);
    }

    private static double maxDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
