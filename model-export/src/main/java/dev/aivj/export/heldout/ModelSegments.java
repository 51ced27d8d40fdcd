package dev.aivj.export.heldout;

import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.model.ModelOutput;
import dev.aivj.engine.model.MusicModel;
import dev.aivj.export.MusicModelEvaluator;
import dev.aivj.training.corpus.CorpusTrack;
import dev.aivj.training.music.FeatureCache;
import dev.aivj.training.music.ManifestCorpus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs an engine-core music model over every whole segment of some corpus tracks (state reset per segment) and
 * returns one reading per segment: the mean of its steps' style probabilities.
 */
public final class ModelSegments {
    public static final int SEGMENT_FRAMES = 512;

    private ModelSegments() {
    }

    /** Tracks whose style is not one of the model's labels are skipped. */
    public static List<SegmentPrediction> read(MusicModel model, String fold, List<CorpusTrack> tracks,
            ManifestCorpus corpus, FeatureCache cache) throws Exception {
        List<String> labels = Arrays.asList(model.labels());
        List<SegmentPrediction> p = new ArrayList<>();
        for (CorpusTrack t : tracks) {
            int truth = labels.indexOf(t.style().id());
            if (truth < 0) {
                continue;
            }
            FrameFeatures frames = cache.get(corpus.audio(t)).frames();
            for (int start = 0; start + SEGMENT_FRAMES <= frames.frames(); start += SEGMENT_FRAMES) {
                ModelOutput o = model.run(MusicModelEvaluator.slice(frames, start, SEGMENT_FRAMES));
                double[] probs = new double[labels.size()];
                for (int s = 0; s < o.steps(); s++) {
                    for (int k = 0; k < probs.length; k++) {
                        probs[k] += o.probability(s, k) / o.steps();
                    }
                }
                p.add(new SegmentPrediction(fold, t.audio(), truth, probs));
            }
        }
        return p;
    }
}
