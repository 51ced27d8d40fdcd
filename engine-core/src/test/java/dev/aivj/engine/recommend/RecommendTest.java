package dev.aivj.engine.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.engine.AudioAnalyzer;
import dev.aivj.engine.Signals;
import dev.aivj.engine.analysis.AnalysisResult;
import dev.aivj.engine.analysis.SongStyle;
import dev.aivj.engine.model.FixtureBundles;
import dev.aivj.engine.model.MusicModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sections and pair choice on synthetic signals with known changes and a GENERATED test library. */
class RecommendTest {
    private static final int RATE = 22050;

    /** A 120-bpm click track whose loudness drops by 20 dB at {@code changeAt} seconds. */
    private static AnalysisResult clicksWithDropAt(double changeAt, double seconds) {
        float[] clicks = Signals.clickTrack(120, seconds, RATE);
        float[] tone = Signals.sine(220, 0.3, seconds, RATE);
        float[] pcm = new float[clicks.length];
        for (int i = 0; i < pcm.length; i++) {
            double gain = i < changeAt * RATE ? 1.0 : 0.1;
            pcm[i] = (float) (gain * (clicks[i] + tone[i]));
        }
        return new AudioAnalyzer().analyze(pcm, 1, RATE);
    }

    static PairLibrary generatedLibrary(int n, long seed) {
        return TestLibraries.generated(n, seed);
    }

    @Test
    void aLoudnessChangeStartsASectionOnTheBeatNearestToIt() {
        AnalysisResult a = clicksWithDropAt(20.0, 40.0);
        List<MusicSection> sections = SectionFinder.find(a, null);
        assertEquals(2, sections.size(), sections.toString());
        MusicSection second = sections.get(1);
        assertEquals("energy", second.reason());
        assertTrue(Math.abs(second.start() - 20.0) <= 0.5, "boundary at " + second.start());
        boolean onBeat = false;
        for (double b : a.beats()) {
            onBeat |= b == second.start();
        }
        assertTrue(onBeat, "the boundary is a beat time");
        assertEquals(0.0, sections.get(0).start());
        assertEquals(a.durationSeconds(), second.end(), 1e-9);
        assertTrue(sections.get(0).target()[0] > second.target()[0], "louder first half asks for more motion");
    }

    @Test
    void musicWithoutChangesIsOneSectionNotATimer() {
        AnalysisResult a = clicksWithDropAt(1e9, 60.0);
        assertEquals(1, SectionFinder.find(a, null).size());
    }

    @Test
    void aChangeTooCloseToTheEndMakesNoShortSection() {
        AnalysisResult a = clicksWithDropAt(36.0, 40.0);
        for (MusicSection s : SectionFinder.find(a, null)) {
            assertTrue(s.end() - s.start() >= SectionFinder.MIN_SECTION_SECONDS, s.toString());
        }
    }

    private static List<MusicSection> sections(int n, double[] target, String[] labels, double[] p) {
        List<MusicSection> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new MusicSection(10.0 * i, 10.0 * i + 10, i == 0 ? "start" : "energy", null, p, target));
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSameSequenceAndNoPairRepeatsWithinTheLastN() {
        PairLibrary lib = generatedLibrary(40, 3);
        List<MusicSection> s = sections(30, new double[] {0.5, 0.5, 0.5, 0.5}, null, null);
        PairRecommender r = new PairRecommender(lib, 8, 0.15);
        List<PairChoice> a = r.choose(s, null, 42);
        List<PairChoice> b = r.choose(s, null, 42);
        assertEquals(a.stream().map(PairChoice::pair).toList(), b.stream().map(PairChoice::pair).toList());
        assertNotEquals(a.stream().map(PairChoice::pair).toList(),
                r.choose(s, null, 43).stream().map(PairChoice::pair).toList());
        for (int i = 0; i < a.size(); i++) {
            Set<LibraryPair> window = new HashSet<>();
            for (int j = Math.max(0, i - 8); j <= i; j++) {
                assertTrue(window.add(a.get(j).pair()), "pair repeated within 8 picks at " + i);
            }
        }
    }

    @Test
    void withoutExplorationTheBestScoringPairIsChosen() {
        PairLibrary lib = generatedLibrary(40, 5);
        MusicSection s = sections(1, new double[] {0.9, 0.2, 0.8, 0.1}, null, null).get(0);
        PairChoice c = new PairRecommender(lib, 8, 0).choose(List.of(s), null, 1).get(0);
        for (LibraryPair p : lib.pairs()) {
            assertTrue(PairRecommender.score(p, s, null) <= c.score() + 1e-12);
        }
        assertEquals(false, c.explored());
    }

    @Test
    void styleAndTargetChangeThePick() {
        PairLibrary lib = generatedLibrary(60, 9);
        String[] labels = {"edm", "ambient"};
        double[] mid = {0.5, 0.5, 0.5, 0.5};
        PairRecommender r = new PairRecommender(lib, 8, 0);
        LibraryPair edm = r.choose(sections(1, mid, labels, new double[] {1, 0}), labels, 1).get(0).pair();
        LibraryPair ambient = r.choose(sections(1, mid, labels, new double[] {0, 1}), labels, 1).get(0).pair();
        assertNotEquals(edm, ambient);
        assertTrue(edm.look()[0] > ambient.look()[0], "edm's pair moves more than ambient's");
    }

    @Test
    void aBrokenLibraryIsRefusedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PairLibrary.parse("{"));
        assertTrue(e.getMessage().startsWith("pair library: not valid JSON"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PairLibrary.parse(
                "{\"format\":\"other\",\"lookAxes\":[],\"pairs\":[]}"));
        assertEquals("pair library: format other is not aivj-pair-library-v1", e.getMessage());
        String bad = generatedLibraryJsonWithQuality(1.5);
        e = assertThrows(IllegalArgumentException.class, () -> PairLibrary.parse(bad));
        assertEquals("pair library: pair 0 has quality 1.5 outside 0.0..1.0", e.getMessage());
    }

    private static String generatedLibraryJsonWithQuality(double q) {
        return "{\"format\":\"aivj-pair-library-v1\",\"lookAxes\":[\"motion\",\"brightness\",\"detail\",\"colour\"],"
                + "\"pairs\":[{\"fg\":\"a\",\"bg\":\"b\",\"fgUrl\":\"/a\",\"bgUrl\":\"/b\",\"quality\":" + q
                + ",\"w_s\":1,\"w_t\":1,\"look\":[0.1,0.2,0.3,0.4]}]}";
    }
    @Test
    void silenceGetsSectionsWithoutStyleAndStillAPair() {
        float[] music = Signals.clickTrack(120, 40, RATE);
        float[] tone = Signals.sine(220, 0.3, 40, RATE);
        for (int i = 0; i < music.length; i++) {
            music[i] = i >= 14 * RATE && i < 28 * RATE ? 0f : music[i] + tone[i]; // silence from 14 s to 28 s
        }
        MusicModel model = FixtureBundles.model();
        PairLibrary lib = generatedLibrary(40, 7);
        for (float[] pcm : new float[][] {music, new float[RATE * 30]}) {
            AnalysisResult r = new AudioAnalyzer().analyze(pcm, 1, RATE);
            SongStyle style = SongStyle.analyze(model, r);
            List<PairChoice> plan = PairPlan.of(r, style, lib, 1);
            assertTrue(!plan.isEmpty());
            int none = 0;
            for (PairChoice c : plan) {
                assertTrue(Double.isFinite(c.score()), "score " + c.score());
                if (SongStyle.NONE.equals(c.section().style())) {
                    assertEquals(null, c.section().probabilities());
                    none++;
                }
            }
            assertTrue(none > 0, "a silent stretch makes a section without style");
        }
    }
}
