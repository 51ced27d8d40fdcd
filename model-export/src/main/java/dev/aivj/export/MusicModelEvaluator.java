package dev.aivj.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.model.ModelOutput;
import dev.aivj.engine.model.MusicModel;
import dev.aivj.export.heldout.StyleScores;
import dev.aivj.training.corpus.CorpusTrack;
import dev.aivj.training.corpus.Split;
import dev.aivj.training.music.FeatureCache;
import dev.aivj.training.music.ManifestCorpus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Final held-out evaluation of an exported bundle on the manifest's {@code test} split, with engine-core's
 * pure-Java inference (the code the browser runs). Each test track is cut into non-overlapping segments of
 * {@code segmentFrames} frames; a segment's prediction is the mean of its steps' style probabilities (the model
 * starts from a zero state per segment, as in training). A track's prediction is the majority of its segments
 * and, separately, the argmax of the mean segment probability.
 */
public final class MusicModelEvaluator {
    /** Per-track outcome. */
    public record TrackResult(String audio, String style, int segments, int correctSegments, String majority,
            String meanProbability, float[] meanProbabilities) {
    }

    /** All held-out metrics. */
    public record Metrics(String[] labels, int segments, double segmentAccuracy, int tracks,
            double trackAccuracyMajority, double trackAccuracyMeanProbability, double[] precision, double[] recall,
            int[][] segmentConfusion, int[][] trackConfusion, List<TrackResult> perTrack, int segmentFrames) {
    }

    private MusicModelEvaluator() {
    }

    public static Metrics evaluate(MusicModel model, ManifestCorpus corpus, FeatureCache cache, int segmentFrames)
            throws Exception {
        String[] labels = model.labels();
        int l = labels.length;
        int[][] confusion = new int[l][l];
        int[][] trackConfusion = new int[l][l];
        List<TrackResult> perTrack = new ArrayList<>();
        int segments = 0;
        int correct = 0;
        int tracksMajority = 0;
        int tracksMean = 0;
        int tracks = 0;
        for (CorpusTrack t : corpus.tracks(Split.TEST)) {
            int truth = Arrays.asList(labels).indexOf(t.style().id());
            if (truth < 0) {
                throw new IllegalStateException("test style " + t.style().id() + " is not a model label");
            }
            FrameFeatures f = cache.get(corpus.audio(t)).frames();
            int[] votes = new int[l];
            double[] probSum = new double[l];
            int n = 0;
            int ok = 0;
            for (int start = 0; start + segmentFrames <= f.frames(); start += segmentFrames) {
                ModelOutput out = model.run(slice(f, start, segmentFrames));
                double[] p = new double[l];
                for (int s = 0; s < out.steps(); s++) {
                    for (int k = 0; k < l; k++) {
                        p[k] += out.probability(s, k) / out.steps();
                    }
                }
                int pred = argmax(p);
                confusion[truth][pred]++;
                votes[pred]++;
                for (int k = 0; k < l; k++) {
                    probSum[k] += p[k];
                }
                n++;
                ok += pred == truth ? 1 : 0;
            }
            int majority = argmax(Arrays.stream(votes).asDoubleStream().toArray());
            int mean = argmax(probSum);
            float[] meanP = new float[l];
            for (int k = 0; k < l; k++) {
                meanP[k] = (float) (probSum[k] / Math.max(1, n));
            }
            trackConfusion[truth][mean]++;
            segments += n;
            correct += ok;
            tracks++;
            tracksMajority += majority == truth ? 1 : 0;
            tracksMean += mean == truth ? 1 : 0;
            perTrack.add(new TrackResult(t.audio(), t.style().id(), n, ok, labels[majority], labels[mean], meanP));
        }
        double[] precision = new double[l];
        double[] recall = new double[l];
        for (int k = 0; k < l; k++) {
            int row = 0;
            int col = 0;
            for (int j = 0; j < l; j++) {
                row += confusion[k][j];
                col += confusion[j][k];
            }
            precision[k] = col == 0 ? Double.NaN : (double) confusion[k][k] / col;
            recall[k] = row == 0 ? Double.NaN : (double) confusion[k][k] / row;
        }
        return new Metrics(labels, segments, (double) correct / Math.max(1, segments), tracks,
                (double) tracksMajority / Math.max(1, tracks), (double) tracksMean / Math.max(1, tracks), precision,
                recall, confusion, trackConfusion, perTrack, segmentFrames);
    }

    /** Frames [start, start + frames) of {@code f}. */
    public static FrameFeatures slice(FrameFeatures f, int start, int frames) {
        int b = f.melBands();
        return new FrameFeatures(frames, b, Arrays.copyOfRange(f.logMel(), start * b, (start + frames) * b),
                Arrays.copyOfRange(f.rms(), start, start + frames),
                Arrays.copyOfRange(f.centroidHz(), start, start + frames),
                Arrays.copyOfRange(f.flux(), start, start + frames), Arrays.copyOfRange(f.onset(), start, start + frames),
                Arrays.copyOfRange(f.low(), start, start + frames), Arrays.copyOfRange(f.mid(), start, start + frames),
                Arrays.copyOfRange(f.high(), start, start + frames));
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Mean recall over the styles present in the test split (NaN recall = style absent): robust to one big style. */
    static double balancedAccuracy(double[] recall) {
        return StyleScores.mean(recall);
    }

    public static ObjectNode toJson(Metrics m) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode o = json.createObjectNode();
        o.put("split", "test");
        o.put("segmentFrames", m.segmentFrames());
        o.put("segments", m.segments());
        o.put("segmentAccuracy", m.segmentAccuracy());
        o.put("tracks", m.tracks());
        o.put("trackAccuracyMajority", m.trackAccuracyMajority());
        o.put("trackAccuracyMeanProbability", m.trackAccuracyMeanProbability());
        o.put("balancedAccuracy", balancedAccuracy(m.recall()));
        ArrayNode labels = o.putArray("labels");
        for (String s : m.labels()) {
            labels.add(s);
        }
        ObjectNode per = o.putObject("perStyle");
        for (int k = 0; k < m.labels().length; k++) {
            ObjectNode s = per.putObject(m.labels()[k]);
            put(s, "precision", m.precision()[k]);
            put(s, "recall", m.recall()[k]);
        }
        o.set("segmentConfusion", matrix(json, m.segmentConfusion()));
        o.set("trackConfusionMeanProbability", matrix(json, m.trackConfusion()));
        ArrayNode tracks = o.putArray("perTrack");
        for (TrackResult t : m.perTrack()) {
            ObjectNode r = tracks.addObject();
            r.put("audio", t.audio());
            r.put("style", t.style());
            r.put("segments", t.segments());
            r.put("correctSegments", t.correctSegments());
            r.put("majority", t.majority());
            r.put("meanProbability", t.meanProbability());
            ArrayNode p = r.putArray("meanProbabilities");
            for (float v : t.meanProbabilities()) {
                p.add(Math.round(v * 1000) / 1000.0);
            }
        }
        return o;
    }

    private static void put(ObjectNode o, String k, double v) {
        if (Double.isNaN(v)) {
            o.putNull(k);
        } else {
            o.put(k, v);
        }
    }

    private static ArrayNode matrix(ObjectMapper json, int[][] m) {
        ArrayNode a = json.createArrayNode();
        for (int[] row : m) {
            ArrayNode r = a.addArray();
            for (int v : row) {
                r.add(v);
            }
        }
        return a;
    }
}
