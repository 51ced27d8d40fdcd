package dev.aivj.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a WebM file holds, read from its EBML: the track entries (number, type, codec) and the time of each track's
 * first and last block. Enough to check a MediaRecorder recording, whose header carries no duration and whose
 * Segment and Clusters have unknown sizes (so master elements are entered, not skipped by size).
 */
final class WebmFile {
    static final int VIDEO = 1;
    static final int AUDIO = 2;

    /** A track entry and its blocks' times in seconds. */
    static final class Track {
        long number = -1;
        long type = -1;
        String codec = "";
        int blocks;
        double first = Double.NaN;
        double last = Double.NaN;

        @Override
        public String toString() {
            return "track " + number + " type " + type + " " + codec + ": " + blocks + " blocks " + first + ".." + last + " s";
        }
    }

    private static final long EBML = 0x1A45DFA3L;
    private static final long SEGMENT = 0x18538067L;
    private static final long INFO = 0x1549A966L;
    private static final long TIMECODE_SCALE = 0x2AD7B1L;
    private static final long TRACKS = 0x1654AE6BL;
    private static final long TRACK_ENTRY = 0xAEL;
    private static final long TRACK_NUMBER = 0xD7L;
    private static final long TRACK_TYPE = 0x83L;
    private static final long CODEC_ID = 0x86L;
    private static final long CLUSTER = 0x1F43B675L;
    private static final long CLUSTER_TIMECODE = 0xE7L;
    private static final long BLOCK_GROUP = 0xA0L;
    private static final long BLOCK = 0xA1L;
    private static final long SIMPLE_BLOCK = 0xA3L;

    private final byte[] bytes;
    private int pos;
    private long timecodeScale = 1_000_000; // ns a tick: the default
    private long clusterTime;
    private final List<Track> entries = new ArrayList<>();
    private final Map<Long, Track> byNumber = new LinkedHashMap<>();
    private final Map<Long, List<Double>> pending = new LinkedHashMap<>(); // blocks seen before their track entry

    private WebmFile(byte[] bytes) {
        this.bytes = bytes;
    }

    /** @throws IllegalArgumentException when the bytes are not WebM (no EBML header, or a broken element) */
    static List<Track> tracks(byte[] bytes) {
        WebmFile file = new WebmFile(bytes);
        file.read();
        return file.entries;
    }

    private void read() {
        if (bytes.length < 4 || readId() != EBML) throw new IllegalArgumentException("not an EBML file");
        long header = readSize();
        pos += (int) header; // the EBML header: DocType and versions, not needed here
        Track entry = null;
        while (pos < bytes.length) {
            long id = readId();
            long size = readSize();
            if (id == SEGMENT || id == INFO || id == TRACKS || id == CLUSTER || id == BLOCK_GROUP) continue; // enter
            if (id == TRACK_ENTRY) {
                entry = new Track();
                entries.add(entry);
                continue;
            }
            if (size < 0 || pos + size > bytes.length) {
                if (size < 0) throw new IllegalArgumentException("unknown size for element 0x" + Long.toHexString(id));
                break; // a file cut short (the last chunk): what came before still counts
            }
            int start = pos;
            if (id == TIMECODE_SCALE) timecodeScale = uint(start, size);
            else if (id == TRACK_NUMBER && entry != null) byNumber.put(entry.number = uint(start, size), entry);
            else if (id == TRACK_TYPE && entry != null) entry.type = uint(start, size);
            else if (id == CODEC_ID && entry != null) entry.codec = new String(bytes, start, (int) size).trim();
            else if (id == CLUSTER_TIMECODE) clusterTime = uint(start, size);
            else if (id == SIMPLE_BLOCK || id == BLOCK) block();
            pos = start + (int) size;
        }
        pending.forEach((number, times) -> {
            Track track = byNumber.get(number);
            if (track != null) times.forEach(t -> add(track, t));
        });
    }

    private void block() {
        long track = readSize(); // the track number is a size-style vint
        int relative = (short) (((bytes[pos] & 0xff) << 8) | (bytes[pos + 1] & 0xff));
        double seconds = (clusterTime + relative) * timecodeScale / 1e9;
        Track t = byNumber.get(track);
        if (t != null) add(t, seconds);
        else pending.computeIfAbsent(track, k -> new ArrayList<>()).add(seconds);
    }

    private static void add(Track track, double seconds) {
        track.blocks++;
        if (!(track.first <= seconds)) track.first = seconds;
        if (!(track.last >= seconds)) track.last = seconds;
    }

    private long uint(int start, long size) {
        long v = 0;
        for (int i = 0; i < size; i++) v = (v << 8) | (bytes[start + i] & 0xff);
        return v;
    }

    private int vintLength(int first) {
        if (first == 0) throw new IllegalArgumentException("bad EBML number at byte " + pos);
        return Integer.numberOfLeadingZeros(first) - 23; // 1..8 for the first byte's leading zeros + 1
    }

    /** An element ID: its marker bit kept. */
    private long readId() {
        int length = vintLength(bytes[pos] & 0xff);
        long v = 0;
        for (int i = 0; i < length; i++) v = (v << 8) | (bytes[pos++] & 0xff);
        return v;
    }

    /** A size: its marker bit dropped; -1 for "unknown" (all ones). */
    private long readSize() {
        int first = bytes[pos] & 0xff;
        int length = vintLength(first);
        long v = first & (0xff >> length);
        boolean allOnes = v == (0xff >> length);
        pos++;
        for (int i = 1; i < length; i++) {
            int b = bytes[pos++] & 0xff;
            allOnes &= b == 0xff;
            v = (v << 8) | b;
        }
        return allOnes ? -1 : v;
    }
}
