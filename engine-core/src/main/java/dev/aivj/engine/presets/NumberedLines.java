package dev.aivj.engine.presets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of one numbered block ({@code per_frame_1=}, {@code per_frame_2=}, ... or {@code warp_1=}, ...), which
 * files may list out of order or with gaps; {@link #join()} puts them in index order. A repeated index keeps the last
 * line, as MilkDrop's own loader does.
 */
final class NumberedLines {
    private final List<Entry> entries = new ArrayList<>();
    private final Map<Integer, Entry> byIndex = new HashMap<>();

    private static final class Entry implements Comparable<Entry> {
        final int index;
        int sourceLine;
        String text;

        Entry(int index, int sourceLine, String text) {
            this.index = index;
            this.sourceLine = sourceLine;
            this.text = text;
        }

        @Override
        public int compareTo(Entry o) {
            return Integer.compare(index, o.index);
        }
    }

    /** Adds line {@code index}; returns the source line it replaced, or 0 when the index is new. */
    int put(int index, int sourceLine, String text) {
        Entry e = byIndex.get(index);
        if (e != null) {
            int replaced = e.sourceLine;
            e.sourceLine = sourceLine;
            e.text = text;
            return replaced;
        }
        e = new Entry(index, sourceLine, text);
        entries.add(e);
        byIndex.put(index, e);
        return 0;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The lines in index order joined with '\n'; null when there are none. */
    String join() {
        if (entries.isEmpty()) {
            return null;
        }
        List<Entry> sorted = new ArrayList<>(entries);
        Collections.sort(sorted);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(sorted.get(i).text);
        }
        return sb.toString();
    }
}
