package dev.aivj.training.feedback;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.engine.feedback.FeedbackSignal;
import dev.aivj.engine.recommend.LibraryPair;
import dev.aivj.engine.recommend.MusicSection;
import dev.aivj.engine.recommend.PairLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The SIMULATED viewers' tastes really differ, and their signals follow their utility. */
class SimulatedViewerTest {
    static final Path LIBRARY = Path.of("../web-frontend/src/main/resources/web/pairs/pair-library.json");

    static PairLibrary library() throws IOException {
        return PairLibrary.parse(Files.readString(LIBRARY));
    }

    @Test
    void aPairOneArchetypeLovesAnotherDislikes() throws IOException {
        PairLibrary lib = library();
        LibraryPair[] pairs = lib.pairs().toArray(new LibraryPair[0]);
        LibraryScale scale = new LibraryScale(lib);
        ViewerArchetype[] kinds = ViewerArchetype.values();
        List<MusicSection> song = SimulatedSongs.song(new Random(3), 4);
        for (int a = 0; a < kinds.length; a++) {
            for (int b = a + 1; b < kinds.length; b++) {
                SimulatedViewer va = new SimulatedViewer("a", kinds[a], pairs, scale, new Random(1));
                SimulatedViewer vb = new SimulatedViewer("b", kinds[b], pairs, scale, new Random(2));
                MusicSection s = song.get(0);
                boolean opposite = false;
                double[] ua = new double[pairs.length];
                double[] ub = new double[pairs.length];
                for (int i = 0; i < pairs.length; i++) {
                    ua[i] = va.utility(i, s);
                    ub[i] = vb.utility(i, s);
                    opposite |= ua[i] > 0.4 && ub[i] < -0.2 || ub[i] > 0.4 && ua[i] < -0.2;
                }
                assertTrue(opposite, kinds[a] + " and " + kinds[b] + " never disagree on a pair");
                // Not one taste under two names: their utilities over the library are far from identical.
                assertTrue(correlation(ua, ub) < 0.8, kinds[a] + " and " + kinds[b] + " correlate "
                        + correlation(ua, ub));
            }
        }
    }

    @Test
    void darkViewersPreferDarkPairsAndRaversBrightBusyOnesInEdm() throws IOException {
        PairLibrary lib = library();
        LibraryPair[] pairs = lib.pairs().toArray(new LibraryPair[0]);
        LibraryScale scale = new LibraryScale(lib);
        SimulatedViewer dark = new SimulatedViewer("d", ViewerArchetype.DARK, pairs, scale, new Random(5));
        SimulatedViewer raver = new SimulatedViewer("r", ViewerArchetype.RAVER, pairs, scale, new Random(6));
        double[] p = {0.85, 0.03, 0.03, 0.03, 0.03, 0.02, 0.01}; // edm
        MusicSection edm = new MusicSection(0, 30, "start", "edm", p, new double[] {0.8, 0.6, 0.8, 0.9});
        double[] brightness = new double[pairs.length];
        double[] busy = new double[pairs.length];
        double[] uDark = new double[pairs.length];
        double[] uRaver = new double[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            brightness[i] = pairs[i].look()[1];
            busy[i] = pairs[i].look()[0] + pairs[i].look()[2];
            uDark[i] = dark.utility(i, edm);
            uRaver[i] = raver.utility(i, edm);
        }
        assertTrue(correlation(brightness, uDark) < -0.3, "dark viewer vs brightness " + correlation(brightness, uDark));
        assertTrue(correlation(busy, uRaver) > 0.3, "raver vs motion+detail in EDM " + correlation(busy, uRaver));
    }

    @Test
    void lowUtilityIsSkippedAndHighUtilityLockedMoreOften() {
        Random rnd = new Random(9);
        int skipsLow = 0;
        int skipsHigh = 0;
        int locksHigh = 0;
        double starsLow = 0;
        double starsHigh = 0;
        int n = 4000;
        for (int i = 0; i < n; i++) {
            for (ViewerReaction.Signal s : ViewerReaction.to(-0.7, 30, rnd).signals()) {
                skipsLow += s.signal() == FeedbackSignal.SKIP ? 1 : 0;
                starsLow += s.signal() == FeedbackSignal.RATING ? s.value() : 0;
            }
            for (ViewerReaction.Signal s : ViewerReaction.to(0.8, 30, rnd).signals()) {
                skipsHigh += s.signal() == FeedbackSignal.SKIP ? 1 : 0;
                locksHigh += s.signal() == FeedbackSignal.LOCK ? 1 : 0;
                starsHigh += s.signal() == FeedbackSignal.RATING ? s.value() : 0;
            }
        }
        assertTrue(skipsLow > 0.4 * n && skipsHigh == 0, "skips low " + skipsLow + " high " + skipsHigh);
        assertTrue(locksHigh > 0.15 * n, "locks " + locksHigh);
        assertTrue(starsHigh > 2 * starsLow, "stars high " + starsHigh + " low " + starsLow);
    }

    static double correlation(double[] a, double[] b) {
        double ma = SignificanceTests.mean(a);
        double mb = SignificanceTests.mean(b);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
