package dev.aivj.training.pairs;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the pairs of {@code aivj_coupled_refinery_v2/}: {@code fg/*.milk} and {@code bg/*.milk} named
 * {@code coupled_<5-digit pair>_<yyyymmdd>_<hhmmss>_fg.milk} / {@code _bg.milk}.
 *
 * <p>An fg file and a bg file are one pair when pair number AND timestamp agree (pair numbers alone repeat across
 * refinery runs). Each .milk file is a row of the report: matched files are accepted; a file whose partner is
 * missing (an orphan), a name that does not follow the pattern, an impossible date or time, or an fg file in
 * {@code bg/} (and vice versa) is rejected with its path. Files not ending in {@code .milk} are not rows; their
 * count is noted in the report.
 *
 * <p>Then the score/rank change events of every {@code refinery_v2_*.log} in the folder are applied, files in
 * name order and lines in file order, so the last event for a pair wins (see {@link RefineryLogParser} for the
 * line format). An event that names no timestamp applies to the pair number's only pair; if the number has
 * pairs at several timestamps, or none, the event is rejected with its line. Pairs come out sorted by pair
 * number, then timestamp; their origin is the fg file (line 0).
 */
public final class RefineryScanner {
    private static final Pattern NAME = Pattern.compile("coupled_(\\d{5})_(\\d{8}_\\d{6})_(fg|bg)\\.milk");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd_HHmmss")
            .withResolverStyle(ResolverStyle.STRICT);

    private final RefineryLogParser logParser = new RefineryLogParser();

    private record Key(int pair, String timestamp) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Integer.compare(pair, o.pair);
            return c != 0 ? c : timestamp.compareTo(o.timestamp);
        }
    }

    public ImportResult scan(Path refineryDir) throws IOException {
        Path fgDir = refineryDir.resolve("fg");
        Path bgDir = refineryDir.resolve("bg");
        for (Path d : List.of(fgDir, bgDir)) {
            if (!Files.isDirectory(d)) {
                throw new NoSuchFileException(d.toString(), null, "refinery folder has no " + d.getFileName()
                        + "/ directory");
            }
        }
        ImportReport report = new ImportReport(refineryDir.toString());
        Map<Key, Path> fg = files(fgDir, "fg", report);
        Map<Key, Path> bg = files(bgDir, "bg", report);

        Map<Key, Path[]> matched = new TreeMap<>();
        for (Map.Entry<Key, Path> e : fg.entrySet()) {
            Path partner = bg.get(e.getKey());
            if (partner == null) {
                report.rejected(e.getValue().toString(), 0, "orphan fg: no bg/" + name(e.getKey(), "bg"));
            } else {
                matched.put(e.getKey(), new Path[] {e.getValue(), partner});
                report.accepted();
                report.accepted();
            }
        }
        for (Map.Entry<Key, Path> e : bg.entrySet()) {
            if (!fg.containsKey(e.getKey())) {
                report.rejected(e.getValue().toString(), 0, "orphan bg: no fg/" + name(e.getKey(), "fg"));
            }
        }

        Map<Key, Double> score = new TreeMap<>();
        Map<Key, Integer> rank = new TreeMap<>();
        Map<Integer, List<Key>> byNumber = new TreeMap<>();
        for (Key k : matched.keySet()) {
            byNumber.computeIfAbsent(k.pair, n -> new ArrayList<>()).add(k);
        }
        for (Path log : logs(refineryDir)) {
            applyLog(log, matched, byNumber, score, rank, report);
        }

        List<PresetPair> pairs = new ArrayList<>(matched.size());
        for (Map.Entry<Key, Path[]> e : matched.entrySet()) {
            Key k = e.getKey();
            pairs.add(new PresetPair(k.pair, e.getValue()[0].toString(), e.getValue()[1].toString(), score.get(k),
                    rank.get(k), null, List.of(), PairSource.REFINERY, new RowOrigin(e.getValue()[0].toString(), 0)));
        }
        return new ImportResult(pairs, report);
    }

    private static String name(Key k, String layer) {
        return String.format("coupled_%05d_%s_%s.milk", k.pair, k.timestamp, layer);
    }

    private static Map<Key, Path> files(Path dir, String layer, ImportReport report) throws IOException {
        Map<Key, Path> out = new LinkedHashMap<>();
        TreeSet<Path> sorted = new TreeSet<>();
        int other = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (p.getFileName().toString().endsWith(".milk")) {
                    sorted.add(p);
                } else {
                    other++;
                }
            }
        }
        if (other > 0) {
            report.note(other + " file(s) in " + dir + " not ending in .milk were not read");
        }
        for (Path p : sorted) {
            String file = p.toString();
            Matcher m = NAME.matcher(p.getFileName().toString());
            if (!m.matches()) {
                report.rejected(file, 0, "bad file name: expected coupled_<5-digit pair>_<yyyymmdd>_<hhmmss>_"
                        + layer + ".milk");
                continue;
            }
            if (!m.group(3).equals(layer)) {
                report.rejected(file, 0, "a " + m.group(3) + " file in " + layer + "/");
                continue;
            }
            try {
                LocalDateTime.parse(m.group(2), STAMP);
            } catch (DateTimeParseException e) {
                report.rejected(file, 0, "bad file name: " + m.group(2) + " is not a real date and time");
                continue;
            }
            if (!Files.isRegularFile(p)) {
                report.rejected(file, 0, "not a regular file");
                continue;
            }
            out.put(new Key(Integer.parseInt(m.group(1)), m.group(2)), p);
        }
        return out;
    }

    private static List<Path> logs(Path dir) throws IOException {
        List<Path> logs = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "refinery_v2_*.log")) {
            for (Path p : ds) {
                if (Files.isRegularFile(p)) {
                    logs.add(p);
                }
            }
        }
        logs.sort(null);
        return logs;
    }

    private void applyLog(Path log, Map<Key, Path[]> matched, Map<Integer, List<Key>> byNumber,
            Map<Key, Double> score, Map<Key, Integer> rank, ImportReport report) throws IOException {
        String file = log.toString();
        try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            while ((text = in.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                try {
                    RefineryLogEvent ev = logParser.parse(text, new RowOrigin(file, line));
                    Key key;
                    if (ev.timestamp() != null) {
                        key = new Key(ev.pair(), ev.timestamp());
                        if (!matched.containsKey(key)) {
                            throw new BadRowException("event for " + name(key, "fg/bg")
                                    + ", which is not a matched refinery pair");
                        }
                    } else {
                        List<Key> keys = byNumber.getOrDefault(ev.pair(), List.of());
                        if (keys.isEmpty()) {
                            throw new BadRowException("event for pair " + ev.pair()
                                    + ", which is not a matched refinery pair");
                        }
                        if (keys.size() > 1) {
                            throw new BadRowException("ambiguous event: pair " + ev.pair() + " exists at "
                                    + keys.size() + " timestamps; the line needs ts=yyyymmdd_hhmmss");
                        }
                        key = keys.get(0);
                    }
                    if (ev.score() != null) {
                        score.put(key, ev.score());
                    }
                    if (ev.rank() != null) {
                        rank.put(key, ev.rank());
                    }
                    report.accepted();
                } catch (BadRowException e) {
                    report.rejected(file, line, e.getMessage());
                }
            }
        }
    }
}
