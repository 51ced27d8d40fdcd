package dev.aivj.training.corpus;

import java.util.EnumMap;
import java.util.Map;

/** Tracks and minutes per style and split, printed as a plain text table. */
public final class CorpusSummary {
    /** Track count and total seconds of one cell. */
    public record Cell(int tracks, double seconds) {
        public double minutes() {
            return seconds / 60.0;
        }
    }

    private final Map<Style, Map<Split, Cell>> cells = new EnumMap<>(Style.class);

    public CorpusSummary(CorpusManifest manifest) {
        for (CorpusTrack t : manifest.tracks()) {
            cells.computeIfAbsent(t.style(), s -> new EnumMap<>(Split.class)).merge(t.split(), new Cell(1, t.durationSeconds()),
                    (a, b) -> new Cell(a.tracks() + b.tracks(), a.seconds() + b.seconds()));
        }
    }

    /** The cell of one style and split (zero when empty). */
    public Cell cell(Style style, Split split) {
        return cells.getOrDefault(style, Map.of()).getOrDefault(split, new Cell(0, 0));
    }

    public Cell styleTotal(Style style) {
        Cell c = new Cell(0, 0);
        for (Split sp : Split.values()) {
            Cell x = cell(style, sp);
            c = new Cell(c.tracks() + x.tracks(), c.seconds() + x.seconds());
        }
        return c;
    }

    public Cell splitTotal(Split split) {
        Cell c = new Cell(0, 0);
        for (Style st : Style.values()) {
            Cell x = cell(st, split);
            c = new Cell(c.tracks() + x.tracks(), c.seconds() + x.seconds());
        }
        return c;
    }

    public Cell total() {
        Cell c = new Cell(0, 0);
        for (Split sp : Split.values()) {
            Cell x = splitTotal(sp);
            c = new Cell(c.tracks() + x.tracks(), c.seconds() + x.seconds());
        }
        return c;
    }

    /**
     * The table: one row per style that has tracks, then a total row and a share-of-minutes row;
     * each cell is "tracks / minutes".
     */
    public String table() {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-10s %14s %14s %14s %14s%n";
        sb.append(String.format(fmt, "style", "train", "validation", "test", "total"));
        sb.append(String.format(fmt, "", "tracks   min", "tracks   min", "tracks   min", "tracks   min"));
        for (Style st : Style.values()) {
            if (styleTotal(st).tracks() == 0) {
                continue;
            }
            sb.append(String.format(fmt, st.id(), fmt(cell(st, Split.TRAIN)), fmt(cell(st, Split.VALIDATION)),
                    fmt(cell(st, Split.TEST)), fmt(styleTotal(st))));
        }
        sb.append(String.format(fmt, "total", fmt(splitTotal(Split.TRAIN)), fmt(splitTotal(Split.VALIDATION)),
                fmt(splitTotal(Split.TEST)), fmt(total())));
        double all = total().seconds();
        sb.append(String.format(fmt, "share", pct(splitTotal(Split.TRAIN), all), pct(splitTotal(Split.VALIDATION), all),
                pct(splitTotal(Split.TEST), all), all > 0 ? "100%" : "-"));
        return sb.toString();
    }

    private static String fmt(Cell c) {
        return String.format("%6d %6.1f", c.tracks(), c.minutes());
    }

    private static String pct(Cell c, double all) {
        return all > 0 ? String.format("%.0f%%", 100 * c.seconds() / all) : "-";
    }
}
