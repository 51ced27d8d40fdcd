package dev.aivj.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.audioio.AudioFileDecoder;
import dev.aivj.audioio.DecodedAudio;
import dev.aivj.audioio.MusicCache;
import dev.aivj.engine.AudioAnalyzer;
import dev.aivj.engine.analysis.AnalysisResult;
import dev.aivj.training.tempo.MidiTempoMap;
import dev.aivj.training.tempo.MirexAccuracy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tempo on real songs against ground truth: each Frets on Fire song in fretsonfire-songs-sectoid ships the MIDI
 * chart it is played with, whose tempo map is the song's tempo (135, 95, 150 and 140 BPM). MIREX Accuracy1: the
 * engine must read each within 4 %, octave errors included. The songs come from ./aivj fetch-music (CI fetches
 * them); a missing song fails the test with the command to run, it is never skipped.
 */
class RealMusicTempoTest {
    @ParameterizedTest
    @ValueSource(strings = {"Escape from chaosland", "Feelings", "Metal madness", "War of freedom"})
    void tempoMatchesTheSongsMidiChart(String song) throws Exception {
        Path ogg = MusicCache.sectoidSong(song); // throws "... not found: run ./aivj fetch-music"
        DecodedAudio audio = AudioFileDecoder.decode(ogg);
        AnalysisResult r = new AudioAnalyzer().analyze(audio.interleaved(), audio.channels(), audio.sampleRate());
        double truth = MidiTempoMap.read(ogg.resolveSibling("notes.mid").toFile()).medianBpm(r.durationSeconds());
        assertTrue(MirexAccuracy.accuracy1(r.tempo().bpm(), truth),
                song + ": read " + r.tempo().bpm() + " BPM, the MIDI chart says " + truth + " BPM");
        double expectedBeats = r.durationSeconds() * truth / 60;
        assertTrue(r.beats().length > 0.8 * expectedBeats && r.beats().length < 1.1 * expectedBeats,
                song + ": " + r.beats().length + " beats for about " + Math.round(expectedBeats));
    }

    /** The 30-s clip of "Metal madness" (30-60 s, from fetch-music): 150 BPM; the 60-180 BPM estimator read 74.9. */
    @Test
    void metalMadnessClipIsNotReadAtHalfTempo() throws Exception {
        DecodedAudio audio = AudioFileDecoder.decode(MusicCache.clip("wav"));
        AnalysisResult r = new AudioAnalyzer().analyze(audio.interleaved(), audio.channels(), audio.sampleRate());
        assertTrue(MirexAccuracy.accuracy1(r.tempo().bpm(), 150),
                "Metal madness 30-60 s: read " + r.tempo().bpm() + " BPM, the chart says 150");
    }
}
