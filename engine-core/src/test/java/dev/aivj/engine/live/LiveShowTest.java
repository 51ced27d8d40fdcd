package dev.aivj.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.engine.AnalysisSettings;
import dev.aivj.engine.Signals;
import dev.aivj.engine.model.FixtureBundles;
import dev.aivj.engine.recommend.TestLibraries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The live show on synthetic streams whose truth is known (GENERATED here: click tracks and noise): its tempo and
 * predicted beats, a section where the sound changes and none where it does not, a pair per section cut on a beat.
 */
class LiveShowTest {
    private static final int RATE = AnalysisSettings.SAMPLE_RATE;
    private static final int HOP = RATE / 2;

    /** Quiet hiss for {@code quiet} s, then loud clicks at {@code bpm} over noise for {@code loud} s. */
    private static float[] quietThenLoud(double quiet, double loud, double bpm) {
        Random r = new Random(5);
        float[] clicks = Signals.clickTrack(bpm, quiet + loud, RATE);
        float[] s = new float[clicks.length];
        int switchAt = (int) (quiet * RATE);
        for (int i = 0; i < s.length; i++) {
            float noise = (float) r.nextGaussian();
            s[i] = i < switchAt ? 0.003f * noise + 0.05f * clicks[i] : 0.2f * noise + clicks[i];
        }
        return s;
    }

    private static List<LiveShowUpdate> play(LiveShow show, float[] signal) {
        List<LiveShowUpdate> out = new ArrayList<>();
        for (int start = 0; start < signal.length; start += HOP) {
            out.add(show.push(Arrays.copyOfRange(signal, start, Math.min(signal.length, start + HOP))));
        }
        return out;
    }

    private static LiveShow show(double sensitivity) {
        return new LiveShow(new LiveAnalyzer(FixtureBundles.model()), TestLibraries.generated(40, 3), 1, sensitivity);
    }

    @Test
    void tempoAndNextBeatFollowAClickTrack() {
        float[] clicks = Signals.clickTrack(128, 20, RATE);
        List<LiveShowUpdate> updates = play(show(LiveShow.DEFAULT_SENSITIVITY), clicks);
        LiveShowUpdate last = updates.get(updates.size() - 1);
        assertEquals(128, last.tempo().bpm(), 2, "live tempo of a 128-BPM click track");
        double period = 60.0 / 128;
        // Clicks fall on 0.25 s + k·period (Signals.clickTrack); the predicted next beat must be one (± two frames).
        double next = last.nextBeat();
        assertTrue(next >= last.seconds(), "the next beat is ahead: " + next + " at " + last.seconds());
        double k = (next - 0.25) / period;
        double offBeat = Math.abs(k - Math.rint(k)) * period;
        assertTrue(offBeat < 2 / AnalysisSettings.frameRate(), "next beat " + next + " is " + offBeat + " s off a click");
    }

    @Test
    void aLoudChangeStartsASectionWithAPairCutOnABeat() {
        List<LiveShowUpdate> updates = play(show(LiveShow.DEFAULT_SENSITIVITY), quietThenLoud(20, 20, 120));
        List<LiveShowUpdate> starts = updates.stream().filter(LiveShowUpdate::sectionStarted).toList();
        assertEquals("start", starts.get(0).section().reason());
        assertTrue(starts.get(0).seconds() <= 5, "the first section starts once 4 s were heard");
        assertEquals(2, starts.size(), "one change, where the sound changes: " + starts.stream()
                .map(u -> u.seconds() + " " + u.section().reason()).toList());
        LiveShowUpdate change = starts.get(1);
        assertTrue(change.seconds() >= 20 && change.seconds() <= 24, "detected at " + change.seconds() + " s");
        assertTrue(List.of("energy", "texture").contains(change.section().reason()), change.section().reason());
        for (LiveShowUpdate u : starts) {
            assertNotNull(u.pair(), "a pair for each section");
            assertNotNull(u.mix());
            assertTrue(u.cutAt() >= u.seconds() && u.cutAt() < u.seconds() + 1, "cut within a beat: " + u.cutAt());
        }
        assertTrue(!starts.get(0).pair().pair().equals(change.pair().pair()), "a new section gets another pair");
        assertTrue(updates.stream().filter(u -> !u.sectionStarted()).allMatch(u -> u.pair() == null),
                "no pair between section starts");
    }

    @Test
    void theViewersBlocklistKeepsItsPresetsOutOfTheLiveShow() {
        float[] signal = quietThenLoud(20, 20, 120);
        java.util.Set<String> blocked = new java.util.HashSet<>();
        for (LiveShowUpdate u : play(show(LiveShow.DEFAULT_SENSITIVITY), signal)) {
            if (u.sectionStarted()) {
                blocked.add(u.pair().pair().fg());
            }
        }
        LiveShow blocking = new LiveShow(new LiveAnalyzer(FixtureBundles.model()), TestLibraries.generated(40, 3),
                new dev.aivj.engine.recommend.PresetPreferences(blocked, java.util.Set.of()), 1,
                LiveShow.DEFAULT_SENSITIVITY);
        List<LiveShowUpdate> starts = play(blocking, signal).stream().filter(LiveShowUpdate::sectionStarted).toList();
        assertEquals(2, starts.size());
        for (LiveShowUpdate u : starts) {
            assertTrue(!blocked.contains(u.pair().pair().fg()), "a blocked preset in the live show: " + u.pair().pair());
        }
    }

    @Test
    void preferencesChangedWhileTheShowRunsApplyToTheNextSection() {
        float[] signal = quietThenLoud(20, 20, 120);
        List<LiveShowUpdate> before = play(show(LiveShow.DEFAULT_SENSITIVITY), signal).stream()
                .filter(LiveShowUpdate::sectionStarted).toList();
        assertEquals(2, before.size());
        String second = before.get(1).pair().pair().fg();
        LiveShow changing = show(LiveShow.DEFAULT_SENSITIVITY);
        int half = signal.length / 2; // the first section has started, the second not yet
        List<LiveShowUpdate> first = play(changing, java.util.Arrays.copyOfRange(signal, 0, half));
        assertEquals(1, first.stream().filter(LiveShowUpdate::sectionStarted).count());
        changing.usePairs(TestLibraries.generated(40, 3),
                new dev.aivj.engine.recommend.PresetPreferences(java.util.Set.of(second), java.util.Set.of()),
                dev.aivj.engine.recommend.PairRecommender.DEFAULT_POLICY);
        List<LiveShowUpdate> rest = play(changing, java.util.Arrays.copyOfRange(signal, half, signal.length)).stream()
                .filter(LiveShowUpdate::sectionStarted).toList();
        assertEquals(1, rest.size());
        assertTrue(!rest.get(0).pair().pair().fg().equals(second), "blocked while live, still chosen: " + second);
    }

    @Test
    void sensitivitySetsHowReadilySectionsChange() {
        float[] signal = quietThenLoud(20, 20, 120);
        long eager = play(show(1.0), signal).stream().filter(LiveShowUpdate::sectionStarted).count();
        long reluctant = play(show(0.0), signal).stream().filter(LiveShowUpdate::sectionStarted).count();
        assertTrue(eager >= reluctant, eager + " sections at sensitivity 1, " + reluctant + " at 0");
        assertEquals(1, play(show(0.0), Signals.clickTrack(120, 40, RATE)).stream()
                .filter(LiveShowUpdate::sectionStarted).count(), "a steady stream stays one section");
        assertThrows(IllegalArgumentException.class, () -> show(1.5));
    }

    @Test
    void withoutALibraryTheShowHasSectionsButNoPairs() {
        LiveShow show = new LiveShow(new LiveAnalyzer(null), null, 1, LiveShow.DEFAULT_SENSITIVITY);
        List<LiveShowUpdate> updates = play(show, quietThenLoud(10, 10, 120));
        assertTrue(updates.stream().anyMatch(LiveShowUpdate::sectionStarted));
        assertTrue(updates.stream().allMatch(u -> u.pair() == null));
        assertNull(updates.get(updates.size() - 1).section().style(), "no model: no style");
    }
}
