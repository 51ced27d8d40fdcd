package dev.aivj.bench;

import dev.aivj.engine.AudioAnalyzer;
import dev.aivj.engine.features.FrameFeatures;
import dev.aivj.engine.model.ModelOutput;
import dev.aivj.engine.model.MusicModel;

/**
 * The engine's music-model outputs on HotSpot for a song: its log-mel (the model's input) and the per-step style
 * and visual outputs of {@link MusicModel#run}. TensorFlow.js must reproduce these on the same log-mel.
 */
public record ModelReference(int frames, int melBands, float[] logMel, int steps, int labels, float[] style,
        int visuals, float[] visual) {

    public static ModelReference of(BenchSong song, MusicModel model) {
        FrameFeatures features = new AudioAnalyzer()
                .analyze(song.interleaved(), song.channels(), song.sampleRate()).frames();
        ModelOutput out = model.run(features);
        int labels = model.labels().length;
        return new ModelReference(features.frames(), features.melBands(), features.logMel(), out.steps(), labels,
                out.styleProbabilities(), out.visualParameters().length / Math.max(1, out.steps()),
                out.visualParameters());
    }
}
