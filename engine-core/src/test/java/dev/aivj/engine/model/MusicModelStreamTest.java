package dev.aivj.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Chunked streaming equals one whole-song push, for chunk sizes that do and do not align with the pooling. */
class MusicModelStreamTest {
    @Test
    void chunkedEqualsWhole() {
        String[] labels = {"a", "b", "c"};
        chunkedEqualsWhole(MusicModelSpec.defaults(labels)); // with an input pool
        chunkedEqualsWhole(MusicModelSpec.teacher(labels)); // without
    }

    private static void chunkedEqualsWhole(MusicModelSpec spec) {
        TestBundles b = TestBundles.random(spec, 3);
        MusicModel model = MusicModel.load(b.manifest, b.weights);
        int frames = 1003;
        float[] mel = new float[frames * 64];
        Random r = new Random(5);
        for (int i = 0; i < mel.length; i++) {
            mel[i] = -60f + 20f * (float) r.nextGaussian();
        }
        ModelOutput whole = model.newStream().push(mel);
        assertEquals(frames / spec.framesPerStep(), whole.steps());
        for (int chunk : new int[] {1, 3, 4, 7, 64, 333}) {
            MusicModelStream s = model.newStream();
            float[] style = new float[whole.styleProbabilities().length];
            float[] visual = new float[whole.visualParameters().length];
            for (int start = 0; start < frames; start += chunk) {
                ModelOutput o = s.push(mel, start * 64, Math.min(chunk, frames - start));
                System.arraycopy(o.styleProbabilities(), 0, style, o.firstStep() * 3, o.styleProbabilities().length);
                System.arraycopy(o.visualParameters(), 0, visual, o.firstStep() * VisualParameters.COUNT,
                        o.visualParameters().length);
            }
            assertEquals(whole.steps(), s.stepsEmitted());
            for (int i = 0; i < style.length; i++) {
                assertEquals(whole.styleProbabilities()[i], style[i], 1e-6, "chunk " + chunk);
            }
            for (int i = 0; i < visual.length; i++) {
                assertEquals(whole.visualParameters()[i], visual[i], 1e-6, "chunk " + chunk);
            }
        }
    }
}
