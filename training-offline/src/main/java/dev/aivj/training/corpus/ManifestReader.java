package dev.aivj.training.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads and validates {@code music-manifest.csv}. Lines starting with {@code #} and blank lines are
 * comments; the first other line must be {@link #HEADER}. Every problem is collected with its line
 * number (unknown label, missing evidence, bad split, duplicate path, refused package, an album on
 * two sides of the split, ...) and reported together in one {@link ManifestException}.
 */
public final class ManifestReader {
    /** The class-path location of the committed manifest. */
    public static final String BUNDLED_RESOURCE = "/corpus/music-manifest.csv";

    public static final List<String> HEADER = List.of(
            "package", "version", "path", "audio", "licence", "duration_s", "style", "split", "album", "artist", "grade",
            "evidence");

    /** Reads the manifest committed in this module. */
    public CorpusManifest readBundled() throws ManifestException {
        InputStream in = ManifestReader.class.getResourceAsStream(BUNDLED_RESOURCE);
        if (in == null) {
            throw new ManifestException(BUNDLED_RESOURCE,
                    List.of(new ManifestProblem(0, "not found on the class path")));
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(r, BUNDLED_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CorpusManifest read(Path file) throws IOException, ManifestException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        }
    }

    public CorpusManifest read(Reader reader, String source) throws IOException, ManifestException {
        List<ManifestProblem> problems = new ArrayList<>();
        List<CorpusTrack> tracks = new ArrayList<>();
        Map<String, Integer> pathLines = new HashMap<>();
        Map<String, Integer> audioLines = new HashMap<>();
        boolean headerSeen = false;
        BufferedReader in = new BufferedReader(reader);
        int lineNo = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> fields;
            try {
                fields = CsvLine.split(line);
            } catch (IllegalArgumentException e) {
                problems.add(new ManifestProblem(lineNo, "malformed CSV: " + e.getMessage()));
                continue;
            }
            if (!headerSeen) {
                headerSeen = true;
                if (!fields.equals(HEADER)) {
                    problems.add(new ManifestProblem(lineNo, "header must be " + String.join(",", HEADER)
                            + " but is " + String.join(",", fields)));
                    break;
                }
                continue;
            }
            CorpusTrack track = parseRow(lineNo, fields, problems);
            if (track == null) {
                continue;
            }
            Integer firstPath = pathLines.putIfAbsent(track.packageName() + ":" + track.path(), lineNo);
            if (firstPath != null) {
                problems.add(new ManifestProblem(lineNo, "duplicate path '" + track.path() + "' in package "
                        + track.packageName() + " (first on line " + firstPath + ")"));
                continue;
            }
            Integer firstAudio = audioLines.putIfAbsent(track.audio(), lineNo);
            if (firstAudio != null) {
                problems.add(new ManifestProblem(lineNo, "duplicate audio '" + track.audio()
                        + "' (first on line " + firstAudio + ")"));
                continue;
            }
            tracks.add(track);
        }
        if (!headerSeen) {
            problems.add(new ManifestProblem(lineNo, "no header line (" + String.join(",", HEADER) + ")"));
        }
        problems.addAll(albumsOnTwoSides(tracks));
        if (!problems.isEmpty()) {
            problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
            throw new ManifestException(source, problems);
        }
        return new CorpusManifest(source, tracks);
    }

    private static CorpusTrack parseRow(int line, List<String> f, List<ManifestProblem> problems) {
        if (f.size() != HEADER.size()) {
            problems.add(new ManifestProblem(line, "expected " + HEADER.size() + " fields but found " + f.size()));
            return null;
        }
        int before = problems.size();
        for (int i = 0; i < f.size(); i++) {
            if (f.get(i).isBlank()) {
                problems.add(new ManifestProblem(line, "missing " + HEADER.get(i)));
            } else if (!f.get(i).equals(f.get(i).strip())) {
                problems.add(new ManifestProblem(line, HEADER.get(i) + " has leading or trailing spaces"));
            }
        }
        String pkg = f.get(0);
        if (RefusedPackages.isRefused(pkg)) {
            problems.add(new ManifestProblem(line, "package '" + pkg
                    + "' is kept for an independent evaluation and must not be in the corpus"));
        }
        String path = f.get(2);
        String audio = f.get(3);
        if (path.startsWith("/") || path.contains("..") || audio.startsWith("/") || audio.contains("..")) {
            problems.add(new ManifestProblem(line, "path and audio must be relative, without '..'"));
        }
        double duration = Double.NaN;
        try {
            duration = Double.parseDouble(f.get(5));
        } catch (NumberFormatException e) {
            // reported below
        }
        if (!(duration > 0) || Double.isInfinite(duration)) {
            problems.add(new ManifestProblem(line, "duration_s must be a positive number of seconds, not '"
                    + f.get(5) + "'"));
        }
        Style style = Style.fromId(f.get(6)).orElse(null);
        if (style == null && !f.get(6).isBlank()) {
            problems.add(new ManifestProblem(line, "unknown style label '" + f.get(6) + "' (allowed: "
                    + java.util.Arrays.stream(Style.values()).map(Style::id).collect(Collectors.joining(", ")) + ")"));
        }
        Split split = Split.fromId(f.get(7)).orElse(null);
        if (split == null && !f.get(7).isBlank()) {
            problems.add(new ManifestProblem(line, "bad split '" + f.get(7) + "' (allowed: train, validation, test)"));
        }
        EvidenceGrade grade = EvidenceGrade.fromId(f.get(10)).orElse(null);
        if (grade == null && !f.get(10).isBlank()) {
            problems.add(new ManifestProblem(line, "unknown evidence grade '" + f.get(10) + "' (allowed: "
                    + java.util.Arrays.stream(EvidenceGrade.values()).map(EvidenceGrade::id)
                            .collect(Collectors.joining(", ")) + ")"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new CorpusTrack(line, pkg, f.get(1), path, audio, f.get(4), duration, style, split, f.get(8), f.get(9),
                grade, f.get(11));
    }

    private static List<ManifestProblem> albumsOnTwoSides(List<CorpusTrack> tracks) {
        Map<String, CorpusTrack> firstOfAlbum = new LinkedHashMap<>();
        List<ManifestProblem> problems = new ArrayList<>();
        for (CorpusTrack t : tracks) {
            CorpusTrack first = firstOfAlbum.putIfAbsent(t.albumKey(), t);
            if (first != null && first.split() != t.split()) {
                problems.add(new ManifestProblem(t.line(), "album '" + t.albumKey() + "' is on two sides of the split: "
                        + t.split().id() + " here, " + first.split().id() + " on line " + first.line()));
            }
        }
        return problems;
    }
}
