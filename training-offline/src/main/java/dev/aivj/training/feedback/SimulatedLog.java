package dev.aivj.training.feedback;

import dev.aivj.engine.feedback.FeedbackSignal;
import dev.aivj.engine.recommend.LibraryPair;
import dev.aivj.engine.recommend.MusicSection;
import java.util.function.Consumer;

/**
 * SIMULATED A/B traffic in the page's feedback-log format: for each section a viewer watched, a "shown" event (value:
 * seconds on screen) when the pair comes on, then one event per signal of the viewer's reaction (at the moment the
 * pair left the screen), each marked {@code "simulated": true}. Session s starts at day s of a simulated clock
 * (t = s · 86 400 000 ms + the section's start).
 */
final class SimulatedLog {
    static final String MODEL_VERSION = "simulated-prior-v0";

    private SimulatedLog() {
    }

    static void section(Consumer<FeedbackEvent> log, String installation, String arm, int session,
            MusicSection section, LibraryPair pair, double[] x, ViewerReaction.Reaction reaction) {
        String sessionId = installation + "-s" + session;
        long start = session * 86_400_000L + Math.round(section.start() * 1000);
        String id = pair.fg() + "|" + pair.bg();
        double energy = section.target()[0];
        log.accept(new FeedbackEvent(installation, arm, sessionId, start, FeedbackEvent.SHOWN,
                reaction.secondsOnScreen(), null, id, section.style(), energy, x, MODEL_VERSION, true));
        long end = start + Math.round(reaction.secondsOnScreen() * 1000);
        for (ViewerReaction.Signal s : reaction.signals()) {
            FeedbackSignal signal = s.signal();
            log.accept(new FeedbackEvent(installation, arm, sessionId, end, signal.name().toLowerCase(), s.value(),
                    signal.reward(s.value()), id, section.style(), energy, x, MODEL_VERSION, true));
        }
    }
}
