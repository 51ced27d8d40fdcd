package dev.aivj.training.music;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.model.MelNormalizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The style teacher: several larger networks (see {@code MusicModelSpec.teacher}) trained with different seeds,
 * whose style probabilities are averaged. It reads raw log-mel patches, each member through its own normaliser, so
 * a student can ask it about exactly the (augmented) patch it is training on. Never shipped; lives in DJL.
 */
public final class TeacherEnsemble implements AutoCloseable {
    private record Member(MusicNet net, MelNormalizer normalizer) {
    }

    private final NDManager manager;
    private final List<Member> members = new ArrayList<>();
    private final int labels;

    private TeacherEnsemble(NDManager manager, int labels) {
        this.manager = manager;
        this.labels = labels;
    }

    /** Loads the members from their checkpoint folders; they must share one label set. */
    public static TeacherEnsemble load(List<Path> checkpoints) throws IOException {
        if (checkpoints.isEmpty()) {
            throw new IllegalArgumentException("a teacher needs at least one member");
        }
        NDManager manager = NDManager.newBaseManager("PyTorch");
        TeacherEnsemble e = null;
        try {
            String[] labels = null;
            for (Path c : checkpoints) {
                MusicCheckpoint.State state = MusicCheckpoint.readState(c);
                if (labels == null) {
                    labels = state.spec().labels();
                    e = new TeacherEnsemble(manager, labels.length);
                } else if (!java.util.Arrays.equals(labels, state.spec().labels())) {
                    throw new IllegalArgumentException(c + " has other labels than " + checkpoints.get(0));
                }
                e.members.add(new Member(MusicCheckpoint.loadNet(c, manager), state.normalizer()));
            }
            return e;
        } catch (IOException | RuntimeException ex) {
            manager.close();
            throw ex;
        }
    }

    public int size() {
        return members.size();
    }

    /**
     * Per patch, the ensemble's style probabilities averaged over the patch's steps and the members:
     * [patches × labels]. Each patch's first {@code frames} frames are read.
     */
    public float[] patchProbabilities(List<float[]> rawLogMel, int frames) {
        int n = rawLogMel.size();
        float[] sum = new float[n * labels];
        try (NDManager m = manager.newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            for (Member member : members) {
                int bands = member.normalizer().bands();
                float[] data = new float[n * frames * bands];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(member.normalizer().normalize(rawLogMel.get(i), 0, frames), 0, data,
                            i * frames * bands, frames * bands);
                }
                NDArray x = m.create(data, new Shape(n, frames, bands));
                NDList y = member.net().forward(ps, new NDList(x), false);
                float[] p = y.get(0).softmax(2).mean(new int[] {1}).toFloatArray();
                for (int i = 0; i < p.length; i++) {
                    sum[i] += p[i] / members.size();
                }
            }
        }
        return sum;
    }

    /**
     * The ensemble's probabilities for each of a track's non-overlapping {@code segmentFrames}-frame segments, in
     * order: [segments × labels] (empty when the track is shorter than one segment).
     */
    public float[] segmentProbabilities(FrameFeatures f, int segmentFrames) {
        int bands = f.melBands();
        int count = f.frames() / segmentFrames;
        float[] out = new float[count * labels];
        // Batches of 16 segments bound the memory a long track needs.
        for (int s = 0; s < count; s += 16) {
            List<float[]> batch = new ArrayList<>();
            for (int k = s; k < Math.min(count, s + 16); k++) {
                batch.add(java.util.Arrays.copyOfRange(f.logMel(), k * segmentFrames * bands,
                        (k + 1) * segmentFrames * bands));
            }
            float[] p = patchProbabilities(batch, segmentFrames);
            System.arraycopy(p, 0, out, s * labels, p.length);
        }
        return out;
    }

    /** A whole track's style probabilities: the mean over its segments (null when shorter than one segment). */
    public float[] trackProbabilities(FrameFeatures f, int segmentFrames) {
        float[] segments = segmentProbabilities(f, segmentFrames);
        if (segments.length == 0) {
            return null;
        }
        int count = segments.length / labels;
        float[] mean = new float[labels];
        for (int i = 0; i < segments.length; i++) {
            mean[i % labels] += segments[i] / count;
        }
        return mean;
    }

    @Override
    public void close() {
        manager.close();
    }
}
