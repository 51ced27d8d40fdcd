package dev.aivj.engine.live;

import dev.aivj.engine.features.Tempo;
import dev.aivj.engine.mix.LayerMix;
import dev.aivj.engine.recommend.MusicSection;
import dev.aivj.engine.recommend.PairChoice;
import java.util.List;

/**
 * What a live stream's show knows after one push: the analysis of the push ({@code analysis}), the stream time,
 * the model's readings over the last seconds (oldest first), the tempo with the last and next beat (NaN when
 * unknown), the current section (null before the first), and, when a section started with this push, the pair for
 * it with its mix and the stream time to cut to it (the next beat, or now without beats); else {@code pair} null.
 */
public record LiveShowUpdate(LiveUpdate analysis, double seconds, List<StyleReading> readings, Tempo tempo,
        double lastBeat, double nextBeat, MusicSection section, boolean sectionStarted, PairChoice pair, LayerMix mix,
        double cutAt) {
}
