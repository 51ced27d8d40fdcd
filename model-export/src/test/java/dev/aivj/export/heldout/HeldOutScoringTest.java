package dev.aivj.export.heldout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.training.corpus.CorpusTrack;
import dev.aivj.training.corpus.EvidenceGrade;
import dev.aivj.training.corpus.Split;
import dev.aivj.training.corpus.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The leave-one-package-out machinery on small hand-made inputs whose right answers are known. */
class HeldOutScoringTest {
    private static CorpusTrack track(int line, String pkg, String artist, Style style) {
        return new CorpusTrack(line, pkg, "1", "p" + line, "a" + line, "MIT", 60, style, Split.TRAIN, "album",
                artist, EvidenceGrade.TAG, "synthetic test row");
    }

    @Test
    void foldsHoldOutAWholePackageAndEveryTrackOfItsArtists() {
        List<CorpusTrack> tracks = List.of(track(1, "a", "X", Style.ROCK), track(2, "a", "Y", Style.EDM),
                track(3, "b", "X", Style.ROCK), track(4, "c", "Z", Style.AMBIENT), track(5, "c", "Z", Style.JAZZ));
        List<PackageFolds.Fold> folds = PackageFolds.of(tracks, t -> t.style().isCore(), t -> true);
        assertEquals(List.of("a", "b", "c"), folds.stream().map(PackageFolds.Fold::heldOut).toList());
        PackageFolds.Fold a = folds.get(0);
        assertEquals(List.of(1, 2), a.test().stream().map(CorpusTrack::line).toList());
        // Package b's track is by artist X, who is in the held-out package a: it must not train.
        assertEquals(List.of(4), a.train().stream().map(CorpusTrack::line).toList());
        // The jazz track is not core: neither trained on nor tested.
        assertEquals(List.of(4), folds.get(2).test().stream().map(CorpusTrack::line).toList());
    }

    @Test
    void generatedTracksTrainEveryFoldButAreNeverTested() {
        List<CorpusTrack> tracks = List.of(track(1, "a", "X", Style.ROCK), track(2, "a", "SYNTH", Style.CHIPTUNE),
                track(3, "s", "SYNTH", Style.AMBIENT), track(4, "b", "Y", Style.EDM));
        List<PackageFolds.Fold> folds = PackageFolds.of(tracks, t -> true, t -> !t.artist().equals("SYNTH"));
        assertEquals(List.of("a", "b"), folds.stream().map(PackageFolds.Fold::heldOut).toList());
        assertEquals(List.of(1), folds.get(0).test().stream().map(CorpusTrack::line).toList());
        assertEquals(List.of(2, 3, 4), folds.get(0).train().stream().map(CorpusTrack::line).toList());
    }

    @Test
    void balancedAccuracyWeighsEveryStyleAlike() {
        String[] labels = {"a", "b"};
        List<SegmentPrediction> p = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            p.add(new SegmentPrediction("f", "t1", 0, new double[] {0.9, 0.1})); // 9 right of style a
        }
        p.add(new SegmentPrediction("f", "t2", 1, new double[] {0.8, 0.2})); // the one b segment wrong
        StyleScores s = StyleScores.of(labels, p);
        assertEquals(0.5, s.balancedAccuracy(), 1e-12);
        assertArrayEquals(new double[] {1.0, 0.0}, s.recall(), 1e-12);
        assertEquals(2, s.tracks());
        assertEquals(1, s.tracksCorrect());
        // Confidence 0.9 with 100 % right (9 segments) and 0.8 with 0 % right (1 segment).
        assertEquals(0.9 * 0.1 + 0.1 * 0.8, s.expectedCalibrationError(), 1e-12);
    }

    @Test
    void temperatureScalingSoftensOverconfidentPredictionsAndKeepsTheRanking() {
        Random r = new Random(3);
        List<SegmentPrediction> p = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            boolean right = r.nextDouble() < 0.6; // 60 % right, always 99 % sure
            p.add(new SegmentPrediction("f", "t" + i, right ? 0 : 1, new double[] {0.99, 0.01}));
        }
        double t = TemperatureScaling.fit(p);
        assertTrue(t > 2, "an overconfident model needs T > 1, got " + t);
        List<SegmentPrediction> scaled = TemperatureScaling.apply(p, t);
        assertTrue(StyleScores.expectedCalibrationError(scaled) < 0.1 * StyleScores.expectedCalibrationError(p) + 0.05);
        assertEquals(0.6, scaled.get(0).probabilities()[0], 0.06);
        assertEquals(0, scaled.get(0).predicted());
    }

    @Test
    void baselineLearnsSeparableStatistics() {
        Random r = new Random(5);
        List<double[]> x = new ArrayList<>();
        int[] y = new int[300];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 3;
            x.add(new double[] {y[i] * 2 + r.nextGaussian() * 0.3, r.nextGaussian()});
        }
        LogMelStatsBaseline b = LogMelStatsBaseline.train(x, y, 3);
        int right = 0;
        for (int i = 0; i < 90; i++) {
            int truth = i % 3;
            double[] p = b.probabilities(new double[] {truth * 2 + r.nextGaussian() * 0.3, r.nextGaussian()});
            right += new SegmentPrediction("", "", truth, p).predicted() == truth ? 1 : 0;
        }
        assertTrue(right >= 85, right + "/90");
    }
}
