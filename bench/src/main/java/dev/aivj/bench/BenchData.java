package dev.aivj.bench;

import dev.aivj.engine.AnalysisSettings;
import dev.aivj.engine.audio.MonoMixer;
import dev.aivj.engine.audio.Resampler;
import java.util.Locale;

/** Publishes one song's bench inputs on the {@link BenchDataHandler}: what the bench worker fetches. */
public final class BenchData {
    private BenchData() {
    }

    public static void publish(BenchDataHandler data, BenchSong song, ModelReference ref) {
        String id = song.id();
        data.putFloats(id + ".pcm.f32", song.interleaved());
        // The app path decodes a file: the same PCM as a 16-bit WAV.
        data.putBytes(id + ".wav", WavWriter.bytes(song.interleaved(), song.channels(), song.sampleRate()));
        // The live path takes 22,050-Hz mono: mixed and resampled here with the engine's own classes.
        float[] mono = MonoMixer.mix(song.interleaved(), song.channels());
        data.putFloats(id + ".live.f32", new Resampler(song.sampleRate(), AnalysisSettings.SAMPLE_RATE).process(mono));
        data.putFloats(id + ".mel.f32", ref.logMel());
        data.putFloats(id + ".style.f32", ref.style());
        data.putFloats(id + ".visual.f32", ref.visual());
        data.putJson(id + ".json", String.format(Locale.ROOT,
                "{\"channels\":%d,\"sampleRate\":%d,\"analysisRate\":%d,\"seconds\":%.3f,\"frames\":%d,"
                        + "\"melBands\":%d,\"steps\":%d,\"labels\":%d,\"visuals\":%d}",
                song.channels(), song.sampleRate(), AnalysisSettings.SAMPLE_RATE, song.seconds(), ref.frames(), ref.melBands(), ref.steps(),
                ref.labels(), ref.visuals()));
    }
}
