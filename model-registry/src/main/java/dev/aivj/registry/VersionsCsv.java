package dev.aivj.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code versions.csv}: one row per registered bundle, RFC 4180 quoting (the command line may hold commas and
 * quotes). Gate columns are empty until the gate ran; refusal reasons are joined with " | ".
 */
final class VersionsCsv {
    static final String HEADER = "version,created,status,data_sha256,model_sha256,golden_passed,golden_total,"
            + "golden_pass_rate,drift_kl,latency_p95_ms,latency_p99_ms,refusals,command";
    private static final int COLUMNS = HEADER.split(",").length;

    private VersionsCsv() {
    }

    static List<VersionRow> read(Path file) throws IOException {
        List<VersionRow> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            return rows;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException(file + ": not a versions.csv (its first line must be " + HEADER + ")");
        }
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> f = fields(lines.get(i));
            if (f.size() != COLUMNS) {
                throw new IOException(file + " line " + (i + 1) + ": " + f.size() + " fields, expected " + COLUMNS);
            }
            GateFigures gate = f.get(5).isEmpty() ? null : new GateFigures(Integer.parseInt(f.get(5)),
                    Integer.parseInt(f.get(6)), Double.parseDouble(f.get(8)), Double.parseDouble(f.get(9)),
                    Double.parseDouble(f.get(10)), f.get(11).isEmpty() ? List.of() : Arrays.asList(f.get(11).split(" \\| ")));
            rows.add(new VersionRow(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(12), gate));
        }
        return rows;
    }

    static String write(List<VersionRow> rows) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (VersionRow r : rows) {
            GateFigures g = r.gate();
            List<String> f = new ArrayList<>(List.of(r.version(), r.created(), r.status(), r.dataSha256(),
                    r.modelSha256()));
            if (g == null) {
                f.addAll(List.of("", "", "", "", "", "", ""));
            } else {
                f.addAll(List.of(String.valueOf(g.goldenPassed()), String.valueOf(g.goldenTotal()),
                        number(g.goldenPassRate()), number(g.driftKl()), number(g.latencyP95Ms()),
                        number(g.latencyP99Ms()), String.join(" | ", g.refusals())));
            }
            f.add(r.command());
            out.append(String.join(",", f.stream().map(VersionsCsv::quote).toList())).append('\n');
        }
        return out.toString();
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }
}
