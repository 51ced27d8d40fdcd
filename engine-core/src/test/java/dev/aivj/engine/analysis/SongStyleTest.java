package dev.aivj.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivj.engine.AudioAnalyzer;
import dev.aivj.engine.plan.PlanJson;
import dev.aivj.engine.plan.SongPlan;
import dev.aivj.engine.model.FixtureBundles;
import dev.aivj.engine.model.ModelOutput;
import dev.aivj.engine.model.MusicModel;
import dev.aivj.engine.model.VisualParameters;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SongStyleTest {
    static final String[] LABELS = {"a", "b", "c"};
    static final double STEP = 4 * 512 / 22050.0; // 92.9 ms

    /** One step per char of {@code pattern} ('a'..'c'): that label gets p = 0.7, the others 0.15. */
    static ModelOutput output(String pattern, float visualValue) {
        int n = pattern.length();
        float[] style = new float[n * LABELS.length];
        float[] visual = new float[n * VisualParameters.COUNT];
        for (int s = 0; s < n; s++) {
            int top = pattern.charAt(s) - 'a';
            for (int l = 0; l < LABELS.length; l++) {
                style[s * LABELS.length + l] = l == top ? 0.7f : 0.15f;
            }
            for (int v = 0; v < VisualParameters.COUNT; v++) {
                visual[s * VisualParameters.COUNT + v] = visualValue;
            }
        }
        return new ModelOutput(LABELS, 0, n, STEP, style, visual);
    }

    static String repeat(char c, int n) {
        return String.valueOf(c).repeat(n);
    }

    @Test
    void wholeSongIsTheMeanOverSteps() {
        SongStyle s = SongStyle.of(output(repeat('a', 30) + repeat('b', 10), 0.5f));
        assertEquals("a", s.label());
        double pa = (30 * 0.7 + 10 * 0.15) / 40;
        assertEquals(pa, s.confidence(), 1e-6);
        assertEquals(pa, s.probabilities()[0], 1e-6);
        assertEquals((30 * 0.15 + 10 * 0.7) / 40, s.probabilities()[1], 1e-6);
        assertEquals(1.0, s.probabilities()[0] + s.probabilities()[1] + s.probabilities()[2], 1e-6);
    }

    @Test
    void shortFlickerIsAbsorbed() {
        // 40 steps a (3.7 s), 5 steps b (0.46 s), 40 steps a: one segment.
        SongStyle s = SongStyle.of(output(repeat('a', 40) + repeat('b', 5) + repeat('a', 40), 0.5f));
        assertEquals(1, s.segments().size());
        SongStyle.Segment seg = s.segments().get(0);
        assertEquals("a", seg.style());
        assertEquals(0, seg.start(), 0);
        assertEquals(85 * STEP, seg.end(), 1e-9);
        assertEquals((80 * 0.7 + 5 * 0.15) / 85, seg.confidence(), 1e-6);
    }

    @Test
    void longRunsStaySegmentsAndTileTheSong() {
        // a 3.7 s | b 2.8 s | flicker c 0.19 s | b 1.9 s  -> c joins b, the b runs fuse.
        String p = repeat('a', 40) + repeat('b', 30) + repeat('c', 2) + repeat('b', 20);
        SongStyle s = SongStyle.of(output(p, 1f));
        List<SongStyle.Segment> segs = s.segments();
        assertEquals(2, segs.size());
        assertEquals("a", segs.get(0).style());
        assertEquals("b", segs.get(1).style());
        assertEquals(40 * STEP, segs.get(0).end(), 1e-9);
        assertEquals(segs.get(0).end(), segs.get(1).start(), 0);
        assertEquals(p.length() * STEP, segs.get(1).end(), 1e-9);
        for (SongStyle.Segment seg : segs) {
            assertTrue(seg.end() - seg.start() >= SongStyle.MIN_SEGMENT_SECONDS);
            for (int v = 0; v < VisualParameters.COUNT; v++) {
                assertEquals(VisualParameters.get(v).max(), seg.visual(v), 1e-9);
            }
        }
    }

    @Test
    void flickerGoesToTheLongerNeighbour() {
        // a 25 steps (2.3 s) | c 3 | b 60 steps: c is given to b.
        SongStyle s = SongStyle.of(output(repeat('a', 25) + repeat('c', 3) + repeat('b', 60), 0f));
        assertEquals(2, s.segments().size());
        assertEquals(25 * STEP, s.segments().get(1).start(), 1e-9);
        assertEquals(63, s.segments().get(1).steps());
        assertEquals(-180, s.segments().get(0).visual(VisualParameters.indexOf("hueShift")), 1e-9);
    }

    @Test
    void randomFlickerNeverLeavesShortSegments() {
        Random r = new Random(1);
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            p.append((char) ('a' + r.nextInt(3)));
        }
        SongStyle s = SongStyle.of(output(p.toString(), 0.5f));
        double t = 0;
        for (SongStyle.Segment seg : s.segments()) {
            assertEquals(t, seg.start(), 1e-9);
            assertTrue(seg.end() - seg.start() >= SongStyle.MIN_SEGMENT_SECONDS - 1e-9, "short segment");
            t = seg.end();
        }
        assertEquals(2000 * STEP, t, 1e-9);
        for (int i = 1; i < s.segments().size(); i++) {
            assertTrue(!s.segments().get(i).style().equals(s.segments().get(i - 1).style()), "equal neighbours");
        }
    }

    @Test
    void songShorterThanTwoSecondsIsOneSegmentAndEmptyOutputHasNoLabel() {
        SongStyle s = SongStyle.of(output("aabbb", 0.5f));
        assertEquals(1, s.segments().size());
        assertEquals("b", s.segments().get(0).style());
        SongStyle empty = SongStyle.of(output("", 0.5f));
        assertNull(empty.label());
        assertEquals(0, empty.confidence());
        assertEquals(0, empty.segments().size());
    }

    @Test
    void analysisJsonCarriesStyleAndSegments() throws Exception {
        float[] pcm = new float[22050 * 12];
        Random r = new Random(2);
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (float) (0.3 * Math.sin(i * 0.05 * (1 + i / 100000.0)) + 0.05 * r.nextGaussian());
        }
        AnalysisResult result = new AudioAnalyzer().analyze(pcm, 1, 22050);
        MusicModel model = FixtureBundles.model();
        SongStyle style = SongStyle.analyze(model, result);
        ObjectMapper m = new ObjectMapper();
        JsonNode plain = m.readTree(PlanJson.write(new SongPlan(result, null, null), false));
        assertTrue(!plain.has("style") && !plain.has("segments"));
        JsonNode j = m.readTree(PlanJson.write(new SongPlan(result, style, null), false));
        assertEquals(style.label(), j.get("style").get("label").asText());
        assertTrue(List.of(FixtureBundles.LABELS).contains(j.get("style").get("label").asText()));
        double sum = 0;
        for (String l : FixtureBundles.LABELS) {
            sum += j.get("style").get("probabilities").get(l).asDouble();
        }
        assertEquals(1.0, sum, 1e-4);
        double c = j.get("style").get("confidence").asDouble();
        assertTrue(c > 0 && c <= 1);
        assertTrue(j.get("style").get("reason").isNull());
        JsonNode segs = j.get("segments");
        assertTrue(segs.size() >= 1);
        assertEquals(0, segs.get(0).get("start").asDouble(), 0);
        for (JsonNode seg : segs) {
            assertEquals(VisualParameters.COUNT, seg.get("visual").size());
            assertTrue(seg.get("visual").has("blend") && seg.get("visual").has("hueShift"));
            assertTrue(seg.get("reason").isNull() && !seg.get("style").asText().equals("none"));
        }
        assertTrue(!j.has("modelSteps"));
        JsonNode full = m.readTree(PlanJson.write(new SongPlan(result, style, null), true));
        assertEquals(style.output().steps() * FixtureBundles.LABELS.length, full.get("modelSteps").get("style").size());
    }
    /** Step levels in dBFS: −20 for each 's' (signal), −∞ for 'z' (digital silence), −75 for 'q' (quiet). */
    static double[] levels(String pattern) {
        double[] l = new double[pattern.length()];
        for (int i = 0; i < l.length; i++) {
            char c = pattern.charAt(i);
            l[i] = c == 's' ? -20 : c == 'z' ? Double.NEGATIVE_INFINITY : -75;
        }
        return l;
    }

    @Test
    void silentStepsDoNotVoteAndMakeNoneSegments() {
        // 40 a, 30 b, 40 a; the b steps are digital silence: they neither vote nor get a style.
        String top = repeat('a', 40) + repeat('b', 30) + repeat('a', 40);
        SongStyle s = SongStyle.of(output(top, 0.5f), levels(repeat('s', 40) + repeat('z', 30) + repeat('s', 40)));
        assertTrue(s.hasStyle());
        assertNull(s.reason());
        assertEquals("a", s.label());
        assertEquals(0.7, s.confidence(), 1e-6); // the mean over the 80 signal steps only
        List<SongStyle.Segment> segs = s.segments();
        assertEquals(3, segs.size());
        assertEquals(SongStyle.NONE, segs.get(1).style());
        assertTrue(segs.get(1).none() && !segs.get(0).none() && !segs.get(2).none());
        assertEquals(SignalGate.DIGITAL_SILENCE, segs.get(1).reason());
        assertEquals(40, segs.get(1).firstStep());
        assertEquals(30, segs.get(1).steps());
        assertEquals(0, segs.get(1).confidence());
        assertEquals(SignalGate.DIGITAL_SILENCE, s.stepReason(50));
        assertNull(s.stepReason(10));
    }

    @Test
    void shortSilenceIsNeitherAbsorbedNorAbsorbing() {
        // 3 quiet steps (0.28 s) inside a: their own "none" segment; 2 b steps between silences stay b.
        String top = repeat('a', 40) + "aaa" + repeat('a', 40) + "aaaaa" + "bb" + repeat('a', 30);
        String lv = repeat('s', 40) + "qqq" + repeat('s', 40) + "qqqqq" + "ss" + repeat('q', 30);
        SongStyle s = SongStyle.of(output(top, 0.5f), levels(lv));
        List<SongStyle.Segment> segs = s.segments();
        assertEquals(6, segs.size());
        assertEquals(SignalGate.BELOW_FLOOR, segs.get(1).reason());
        assertEquals(3, segs.get(1).steps());
        assertEquals("a", segs.get(2).style());
        assertTrue(segs.get(3).none());
        assertEquals("b", segs.get(4).style()); // shorter than 2 s, but its neighbours are silence
        assertEquals(2, segs.get(4).steps());
        assertTrue(segs.get(5).none());
    }

    @Test
    void songWithTooLittleSignalHasNoStyle() throws Exception {
        SongStyle s = SongStyle.of(output(repeat('a', 100), 0.5f), levels(repeat('s', 9) + repeat('q', 91)));
        assertTrue(!s.hasStyle());
        assertNull(s.label());
        assertEquals(0, s.confidence());
        assertEquals("silence: 9 % of the song is above -60 dBFS (needs 10 %)", s.reason());
        SongStyle ten = SongStyle.of(output(repeat('a', 100), 0.5f), levels(repeat('s', 10) + repeat('q', 90)));
        assertEquals("a", ten.label());
        assertEquals(SignalGate.DIGITAL_SILENCE,
                SongStyle.of(output(repeat('a', 20), 0.5f), levels(repeat('z', 20))).reason());
        assertEquals(SignalGate.BELOW_FLOOR,
                SongStyle.of(output(repeat('a', 20), 0.5f), levels(repeat('z', 10) + repeat('q', 10))).reason());
    }

    @Test
    void jsonOfASilentSongSaysNoneWithItsReason() throws Exception {
        float[] zeros = new float[22050 * 5];
        AnalysisResult result = new AudioAnalyzer().analyze(zeros, 1, 22050);
        SongStyle style = SongStyle.analyze(FixtureBundles.model(), result);
        JsonNode j = new ObjectMapper().readTree(PlanJson.write(new SongPlan(result, style, null), false));
        JsonNode st = j.get("style");
        assertEquals("none", st.get("label").asText());
        assertEquals(SignalGate.DIGITAL_SILENCE, st.get("reason").asText());
        assertTrue(st.get("confidence").isNull());
        for (String l : FixtureBundles.LABELS) {
            assertTrue(st.get("probabilities").get(l).isNull(), l);
        }
        assertEquals(1, j.get("segments").size());
        JsonNode seg = j.get("segments").get(0);
        assertEquals("none", seg.get("style").asText());
        assertEquals(SignalGate.DIGITAL_SILENCE, seg.get("reason").asText());
        assertTrue(seg.get("confidence").isNull());
        assertEquals(VisualParameters.COUNT, seg.get("visual").size());
    }
}
