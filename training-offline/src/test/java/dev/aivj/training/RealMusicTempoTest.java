package dev.aivj.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivj.audioio.AudioFileDecoder;
import dev.aivj.audioio.DecodedAudio;
import dev.aivj.audioio.MusicCache;
import dev.aivj.engine.AudioAnalyzer;
import dev.aivj.engine.analysis.AnalysisResult;
import java.io.File;
import java.nio.file.Path;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.Track;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tempo on real songs against ground truth: each Frets on Fire song in fretsonfire-songs-sectoid ships the
 * MIDI chart it is played with, whose tempo event is the song's tempo (135, 95 and 140 BPM here).
 */
class RealMusicTempoTest {
    @ParameterizedTest
    @ValueSource(strings = {"Escape from chaosland", "Feelings", "War of freedom"})
    void tempoMatchesTheSongsMidiChart(String song) throws Exception {
        Path ogg = MusicCache.sectoidSong(song);
        double truth = midiTempo(ogg.resolveSibling("notes.mid").toFile());
        DecodedAudio audio = AudioFileDecoder.decode(ogg);
        AnalysisResult r = new AudioAnalyzer().analyze(audio.interleaved(), audio.channels(), audio.sampleRate());
        assertEquals(truth, r.tempo().bpm(), 2.0, song + ": MIDI chart says " + truth + " BPM");
        double expectedBeats = r.durationSeconds() * truth / 60;
        assertTrue(r.beats().length > 0.8 * expectedBeats && r.beats().length < 1.1 * expectedBeats,
                song + ": " + r.beats().length + " beats for about " + Math.round(expectedBeats));
    }

    private static double midiTempo(File midi) throws Exception {
        Sequence sequence = MidiSystem.getSequence(midi);
        for (Track track : sequence.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                MidiEvent event = track.get(i);
                if (event.getMessage() instanceof MetaMessage meta && meta.getType() == 0x51) {
                    byte[] d = meta.getData();
                    int microsPerBeat = ((d[0] & 0xff) << 16) | ((d[1] & 0xff) << 8) | (d[2] & 0xff);
                    return 60e6 / microsPerBeat;
                }
            }
        }
        throw new IllegalStateException(midi + " has no tempo event");
    }
}
