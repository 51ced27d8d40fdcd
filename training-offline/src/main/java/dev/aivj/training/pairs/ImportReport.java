package dev.aivj.training.pairs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import did. Every row an importer reads goes through exactly one of {@link #accepted()} or
 * {@link #rejected}, so {@code rowsRead() == rowsAccepted() + problems().size()} always holds and no row can be
 * dropped silently.
 *
 * <p>What a "row" is depends on the source: an entry of a JSON manifest, a non-blank line of a JSONL file or a
 * log, or one .milk file of the refinery (a refinery pair is two accepted rows, its fg and bg file). Blank lines
 * are not rows.
 *
 * <p>Besides rows, the report counts field names the importer did not recognise ({@link #ignoredFields()}), so
 * that an unexpected spelling (say {@code "foreground"}) shows up in the summary instead of vanishing.
 */
public final class ImportReport {
    private final String source;
    private int rowsAccepted;
    private final List<ImportProblem> problems = new ArrayList<>();
    private final Map<String, Integer> ignoredFields = new TreeMap<>();
    private final List<String> notes = new ArrayList<>();

    /** @param source what was imported, for the summary's first line (e.g. a file or folder) */
    public ImportReport(String source) {
        this.source = source;
    }

    /** Counts one row as read and accepted. */
    public void accepted() {
        rowsAccepted++;
    }

    /** Counts one row as read and not accepted, with where and why. */
    public void rejected(String file, int line, String reason) {
        problems.add(new ImportProblem(file, line, reason));
    }

    /** Counts a field name that no alias matched (not a row: the rest of the row may still be fine). */
    public void ignoredField(String name) {
        ignoredFields.merge(name, 1, Integer::sum);
    }

    /** Adds an informational line to the summary (not a row). */
    public void note(String note) {
        notes.add(note);
    }

    public String source() {
        return source;
    }

    public int rowsRead() {
        return rowsAccepted + problems.size();
    }

    public int rowsAccepted() {
        return rowsAccepted;
    }

    public int rowsRejected() {
        return problems.size();
    }

    /** Every unreadable row, in the order met. */
    public List<ImportProblem> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** Unrecognised field name → how many rows carried it, sorted by name. */
    public Map<String, Integer> ignoredFields() {
        return Collections.unmodifiableMap(ignoredFields);
    }

    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    public boolean clean() {
        return problems.isEmpty();
    }

    /** Summary listing every problem. */
    public String summary() {
        return summary(Integer.MAX_VALUE);
    }

    /** Summary listing at most {@code maxProblems} problems, then how many more there are. */
    public String summary(int maxProblems) {
        StringBuilder sb = new StringBuilder();
        sb.append(source).append(": ").append(rowsRead()).append(" rows read, ").append(rowsAccepted)
                .append(" accepted, ").append(problems.size()).append(" rejected\n");
        for (String note : notes) {
            sb.append("  note: ").append(note).append('\n');
        }
        if (!ignoredFields.isEmpty()) {
            sb.append("  unrecognised fields (ignored): ");
            StringBuilder fields = new StringBuilder();
            ignoredFields.forEach((k, v) -> fields.append(fields.length() == 0 ? "" : ", ").append(k).append(" ×")
                    .append(v));
            sb.append(fields).append('\n');
        }
        int shown = 0;
        for (ImportProblem p : problems) {
            if (shown == maxProblems) {
                sb.append("  ... and ").append(problems.size() - shown).append(" more\n");
                break;
            }
            sb.append("  ").append(p).append('\n');
            shown++;
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return summary(20);
    }
}
