package dev.aivj.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Formats bench rows as a fixed-width text table (one header, columns sized to their widest cell). */
public final class BenchTable {
    private static final String[] HEADER = {"song", "runtime", "measure", "first", "median", "p95", "runs", "× HotSpot"};

    private final List<BenchRow> rows = new ArrayList<>();

    public void add(BenchRow row) {
        rows.add(row);
    }

    public List<BenchRow> rows() {
        return List.copyOf(rows);
    }

    public String format() {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADER);
        for (BenchRow r : rows) {
            cells.add(new String[] {r.song(), r.runtime(), r.measure(), value(r.firstMs(), r.unit()),
                value(r.stats().median(), r.unit()), value(r.stats().p95(), r.unit()),
                Integer.toString(r.stats().runs()),
                Double.isNaN(r.ratio()) ? "" : String.format(Locale.ROOT, "%.2f×", r.ratio())});
        }
        int[] width = new int[HEADER.length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                width[i] = Math.max(width[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int l = 0; l < cells.size(); l++) {
            String[] line = cells.get(l);
            for (int i = 0; i < line.length; i++) {
                boolean numeric = i >= 3;
                String cell = numeric ? pad(line[i], width[i], true) : pad(line[i], width[i], false);
                out.append(i == 0 ? "" : "  ").append(cell);
            }
            out.append(System.lineSeparator());
            if (l == 0) {
                int total = 0;
                for (int w : width) {
                    total += w + 2;
                }
                out.append("-".repeat(total - 2)).append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    static String value(double v, String unit) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (!unit.equals("ms")) {
            return String.format(Locale.ROOT, "%,.0f %s", v, unit);
        }
        return String.format(Locale.ROOT, v < 10 ? "%.3f ms" : "%.1f ms", v);
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }
}
