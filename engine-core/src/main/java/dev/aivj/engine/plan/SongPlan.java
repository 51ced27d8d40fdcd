package dev.aivj.engine.plan;

import dev.aivj.engine.analysis.AnalysisResult;
import dev.aivj.engine.analysis.SongStyle;
import dev.aivj.engine.mix.LayerMix;
import dev.aivj.engine.recommend.PairChoice;
import java.util.List;

/**
 * What the engine makes of one song ({@link dev.aivj.engine.Engine#analyze}).
 *
 * @param analysis the audio analysis: features, tempo, beats, summary
 * @param style the music model's reading over time, or null when no model is loaded
 * @param pairs one preset pair per music section, or null when no pair library is loaded
 * @param mixes how each pair's layers mix ({@link LayerMix}), parallel to {@code pairs}; null without pairs
 */
public record SongPlan(AnalysisResult analysis, SongStyle style, List<PairChoice> pairs, List<LayerMix> mixes) {
    /** A plan whose mixes follow from its pairs' coupling weights. */
    public SongPlan(AnalysisResult analysis, SongStyle style, List<PairChoice> pairs) {
        this(analysis, style, pairs, LayerMix.forPairs(pairs));
    }
}
