package dev.aivj.training.pairs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one pair from a JSON object written with any of the obvious field spellings, since the team's manifests
 * have no written schema (shared/DATA-FORMATS.md).
 *
 * <p>Field names are matched ignoring case, {@code _} and {@code -}, so {@code fgUrl}, {@code fg_url} and
 * {@code FGURL} are one spelling. Aliases, in order of preference:
 * <ul>
 * <li>pair number: {@code pair}, {@code id} — an integer, or a string of digits ({@code "00065"})</li>
 * <li>foreground: {@code fg}, {@code fgUrl}, {@code upper}; background: {@code bg}, {@code bgUrl}, {@code lower}
 *     — non-blank strings</li>
 * <li>{@code score} — a finite number or a decimal number in a string</li>
 * <li>{@code rank} — an integer >= 0, or a string of digits</li>
 * <li>{@code quality}, {@code quality01} — a number in [0, 1]</li>
 * <li>{@code style}, {@code tags} — a string or an array of strings; both fields present are merged</li>
 * </ul>
 * A JSON {@code null} counts as absent. Two aliases of one field with different values make the row unreadable
 * (the importer cannot know which is meant); with the same value they are fine. Fields that match no alias are
 * counted in the report as ignored.
 */
final class PairFields {
    static final List<String> PAIR = List.of("pair", "id");
    static final List<String> FG = List.of("fg", "fgUrl", "upper");
    static final List<String> BG = List.of("bg", "bgUrl", "lower");
    static final List<String> SCORE = List.of("score");
    static final List<String> RANK = List.of("rank");
    static final List<String> QUALITY = List.of("quality", "quality01");
    static final List<String> STYLE = List.of("style", "tags");
    private static final List<List<String>> ALL = List.of(PAIR, FG, BG, SCORE, RANK, QUALITY, STYLE);

    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,10}");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private PairFields() {
    }

    /** Normal form of a field name: lower case without {@code _} and {@code -}. */
    static String normal(String name) {
        return name.replace("_", "").replace("-", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** Reads a whole pair; unrecognised field names go to {@code report}. */
    static PresetPair pair(JsonNode row, PairSource source, RowOrigin origin, ImportReport report)
            throws BadRowException {
        if (!row.isObject()) {
            throw new BadRowException("entry is a JSON " + row.getNodeType().toString().toLowerCase(
                    java.util.Locale.ROOT) + ", not an object");
        }
        countIgnored(row, report);
        Integer pair = integer(row, PAIR);
        String fg = text(row, FG);
        String bg = text(row, BG);
        if (pair == null) {
            throw new BadRowException("missing pair number (expected one of " + PAIR + ")");
        }
        if (pair < 0) {
            throw new BadRowException("negative pair number " + pair);
        }
        if (fg == null) {
            throw new BadRowException("missing fg preset (expected one of " + FG + ")");
        }
        if (bg == null) {
            throw new BadRowException("missing bg preset (expected one of " + BG + ")");
        }
        Double score = number(row, SCORE);
        Integer rank = integer(row, RANK);
        if (rank != null && rank < 0) {
            throw new BadRowException("negative rank " + rank);
        }
        Double quality = number(row, QUALITY);
        if (quality != null && !(quality >= 0 && quality <= 1)) {
            throw new BadRowException("quality " + quality + " is outside [0, 1]");
        }
        return new PresetPair(pair, fg, bg, score, rank, quality, tags(row), source, origin);
    }

    private static final Set<String> KNOWN = ALL.stream().flatMap(List::stream).map(PairFields::normal)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static void countIgnored(JsonNode row, ImportReport report) {
        for (Iterator<String> it = row.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!KNOWN.contains(normal(name))) {
                report.ignoredField(name);
            }
        }
    }

    /** The fields of {@code row} that spell one of {@code aliases}, with non-null values, in the row's order. */
    private static List<Map.Entry<String, JsonNode>> present(JsonNode row, List<String> aliases) {
        Set<String> wanted = new java.util.HashSet<>();
        for (String a : aliases) {
            wanted.add(normal(a));
        }
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (wanted.contains(normal(e.getKey())) && !e.getValue().isNull()) {
                out.add(e);
            }
        }
        return out;
    }

    private interface Conv<T> {
        T apply(String field, JsonNode value) throws BadRowException;
    }

    private static <T> T single(JsonNode row, List<String> aliases, Conv<T> conv) throws BadRowException {
        T found = null;
        String foundField = null;
        for (Map.Entry<String, JsonNode> e : present(row, aliases)) {
            T v = conv.apply(e.getKey(), e.getValue());
            if (found == null) {
                found = v;
                foundField = e.getKey();
            } else if (!found.equals(v)) {
                throw new BadRowException("conflicting values " + foundField + "=" + found + " and " + e.getKey()
                        + "=" + v);
            }
        }
        return found;
    }

    static Integer integer(JsonNode row, List<String> aliases) throws BadRowException {
        return single(row, aliases, PairFields::toInteger);
    }

    static Double number(JsonNode row, List<String> aliases) throws BadRowException {
        return single(row, aliases, PairFields::toNumber);
    }

    static String text(JsonNode row, List<String> aliases) throws BadRowException {
        return single(row, aliases, (field, v) -> {
            if (!v.isTextual() || v.textValue().isBlank()) {
                throw new BadRowException(field + " must be a non-blank string, got " + abbreviate(v));
            }
            return v.textValue().trim();
        });
    }

    static Integer toInteger(String field, JsonNode v) throws BadRowException {
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        if (v.isFloatingPointNumber() && v.doubleValue() == Math.rint(v.doubleValue())
                && Math.abs(v.doubleValue()) <= Integer.MAX_VALUE) {
            return (int) v.doubleValue();
        }
        if (v.isTextual()) {
            return parseInteger(field, v.textValue());
        }
        throw new BadRowException(field + " is not an integer: " + abbreviate(v));
    }

    static Integer parseInteger(String field, String s) throws BadRowException {
        String t = s.trim();
        if (INTEGER.matcher(t).matches()) {
            long l = Long.parseLong(t);
            if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                return (int) l;
            }
        }
        throw new BadRowException(field + " is not an integer: \"" + abbreviate(s) + "\"");
    }

    static Double toNumber(String field, JsonNode v) throws BadRowException {
        if (v.isNumber()) {
            double d = v.doubleValue();
            if (Double.isFinite(d)) {
                return d;
            }
        } else if (v.isTextual()) {
            return parseNumber(field, v.textValue());
        }
        throw new BadRowException(field + " is not a number: " + abbreviate(v));
    }

    static Double parseNumber(String field, String s) throws BadRowException {
        String t = s.trim();
        if (DECIMAL.matcher(t).matches()) {
            double d = Double.parseDouble(t);
            if (Double.isFinite(d)) {
                return d;
            }
        }
        throw new BadRowException(field + " is not a number: \"" + abbreviate(s) + "\"");
    }

    private static List<String> tags(JsonNode row) throws BadRowException {
        Set<String> tags = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> e : present(row, STYLE)) {
            JsonNode v = e.getValue();
            if (v.isTextual()) {
                addTag(tags, v.textValue());
            } else if (v.isArray()) {
                for (JsonNode t : v) {
                    if (!t.isTextual()) {
                        throw new BadRowException(e.getKey() + " holds a non-string tag: " + abbreviate(t));
                    }
                    addTag(tags, t.textValue());
                }
            } else {
                throw new BadRowException(e.getKey() + " must be a string or an array of strings, got "
                        + abbreviate(v));
            }
        }
        return List.copyOf(tags);
    }

    private static void addTag(Set<String> tags, String tag) {
        if (!tag.isBlank()) {
            tags.add(tag.trim());
        }
    }

    static String abbreviate(Object v) {
        String s = String.valueOf(v);
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
