package dev.aivj.training.tempo;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.Track;

/**
 * The tempo map of a MIDI file (a Frets on Fire chart's notes.mid): its set-tempo meta events (type 0x51,
 * microseconds per quarter note), and the tempo that holds for most of the song.
 */
public final class MidiTempoMap {
    /** A tempo that holds from {@code startSeconds} for {@code seconds}. */
    public record Segment(double startSeconds, double seconds, double bpm) {
    }

    private final List<Segment> segments;

    private MidiTempoMap(List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    public List<Segment> segments() {
        return segments;
    }

    /**
     * The median of the tempo weighted by time, over the map up to {@code endSeconds} (the song's length; the
     * last tempo holds until then): the tempo a listener hears for most of the song.
     */
    public double medianBpm(double endSeconds) {
        List<double[]> spans = new ArrayList<>(); // {bpm, seconds}
        double total = 0;
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            double end = i + 1 < segments.size() ? segments.get(i + 1).startSeconds() : endSeconds;
            double seconds = Math.max(0, Math.min(end, endSeconds) - s.startSeconds());
            if (seconds > 0) {
                spans.add(new double[] {s.bpm(), seconds});
                total += seconds;
            }
        }
        if (spans.isEmpty()) {
            return segments.get(0).bpm();
        }
        spans.sort(Comparator.comparingDouble(a -> a[0]));
        double acc = 0;
        for (double[] span : spans) {
            acc += span[1];
            if (acc >= total / 2) {
                return span[0];
            }
        }
        return spans.get(spans.size() - 1)[0];
    }

    public static MidiTempoMap read(File midi) throws IOException {
        Sequence sequence;
        try {
            sequence = MidiSystem.getSequence(midi);
        } catch (InvalidMidiDataException e) {
            throw new IOException(midi + ": " + e.getMessage(), e);
        }
        if (sequence.getDivisionType() != Sequence.PPQ) {
            throw new IOException(midi + ": SMPTE time division has no tempo map");
        }
        List<long[]> events = new ArrayList<>(); // {tick, microseconds per quarter note}
        for (Track track : sequence.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                MidiEvent event = track.get(i);
                if (event.getMessage() instanceof MetaMessage meta && meta.getType() == 0x51) {
                    byte[] d = meta.getData();
                    long micros = ((d[0] & 0xff) << 16) | ((d[1] & 0xff) << 8) | (d[2] & 0xff);
                    events.add(new long[] {event.getTick(), micros});
                }
            }
        }
        if (events.isEmpty()) {
            throw new IOException(midi + " has no tempo event");
        }
        events.sort(Comparator.comparingLong(e -> e[0]));
        double ppq = sequence.getResolution();
        List<Segment> segments = new ArrayList<>();
        double seconds = 0;
        long tick = 0;
        long micros = 500_000; // MIDI's default (120 BPM) until the first event
        for (long[] e : events) {
            seconds += (e[0] - tick) / ppq * micros / 1e6;
            tick = e[0];
            micros = e[1];
            segments.add(new Segment(seconds, 0, 60e6 / micros));
        }
        List<Segment> timed = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            double next = i + 1 < segments.size() ? segments.get(i + 1).startSeconds() : Double.POSITIVE_INFINITY;
            Segment s = segments.get(i);
            timed.add(new Segment(s.startSeconds(), next - s.startSeconds(), s.bpm()));
        }
        return new MidiTempoMap(timed);
    }

    /** Prints each tempo segment of the given MIDI files. */
    public static void main(String[] args) throws IOException {
        for (String arg : args) {
            MidiTempoMap map = read(new File(arg));
            System.out.println(arg + ": " + map.segments().size() + " tempo events, median " + map.medianBpm(1e9));
            for (Segment s : map.segments()) {
                System.out.printf(java.util.Locale.ROOT, "  %8.2f s  %8.3f BPM%n", s.startSeconds(), s.bpm());
            }
        }
    }
}
