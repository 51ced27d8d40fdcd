package dev.aivj.engine.presets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Parses the text of a MilkDrop {@code .milk} preset (MilkDrop 1.x and 2.x, as also read by projectM and converted for
 * butterchurn). The format is an INI-like list of {@code key=value} lines under an optional {@code [preset00]} header:
 * numeric base values ({@code fDecay=0.98}), numbered equation lines ({@code per_frame_3=zoom=zoom*1.01;}), custom
 * shapes and waves ({@code shapecode_0_rad=0.1}, {@code wave_1_per_point2=...}) and, in MilkDrop 2, pixel shaders
 * whose lines are prefixed with a backtick ({@code warp_1=`shader_body}).
 *
 * <p>Parsing is tolerant because presets in the wild are hand-edited: CRLF or CR line ends, a BOM, spaces around '=',
 * any key case, out-of-order or repeated line numbers are accepted; a line that cannot be used becomes a
 * {@link ParseWarning} and is skipped. Only a text with no MilkDrop key at all (empty, binary, an HTML page, ...) is
 * rejected with an {@link IllegalArgumentException}. Pure string code (no regex, I/O or reflection) for TeaVM.
 */
public final class MilkPresetParser {
    /** How much of an offending line a warning quotes. */
    private static final int EXCERPT = 60;

    private MilkPresetParser() {
    }

    public static MilkPreset parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("not a MilkDrop preset: the text is null");
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (body.trim().isEmpty()) {
            throw new IllegalArgumentException("not a MilkDrop preset: the text is empty");
        }
        rejectBinary(body);
        return new Run().parse(body);
    }

    /** A NUL or many control characters mean a binary file (image, archive) was passed as text. */
    private static void rejectBinary(String s) {
        int n = Math.min(s.length(), 4096);
        int control = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == 0) {
                throw new IllegalArgumentException(
                        "not a MilkDrop preset: binary data (NUL character at offset " + i + ")");
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7f || c == '\uFFFD') {
                control++;
            }
        }
        if (control * 100 > n) {
            throw new IllegalArgumentException("not a MilkDrop preset: binary data (" + control
                    + " control or undecodable characters in the first " + n + ")");
        }
    }

    /** The state of one parse; a fresh one per call keeps the parser stateless. */
    private static final class Run {
        private final Map<String, Double> base = new LinkedHashMap<>();
        private final Map<String, Integer> baseLine = new HashMap<>();
        private final NumberedLines perFrameInit = new NumberedLines();
        private final NumberedLines perFrame = new NumberedLines();
        private final NumberedLines perPixel = new NumberedLines();
        private final NumberedLines warp = new NumberedLines();
        private final NumberedLines comp = new NumberedLines();
        private final SortedMap<Integer, CustomBuilder> shapes = new TreeMap<>();
        private final SortedMap<Integer, CustomBuilder> waves = new TreeMap<>();
        private final List<ParseWarning> warnings = new ArrayList<>();
        private int recognised;
        private int sections;
        private int lines;
        private String firstLine;

        MilkPreset parse(String text) {
            int start = 0;
            int lineNo = 0;
            int n = text.length();
            while (start <= n) {
                int end = start;
                while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                    end++;
                }
                lineNo++;
                line(lineNo, text.substring(start, end));
                if (end >= n) {
                    break;
                }
                // CRLF is one line end; a lone CR (classic Mac) or LF is one too.
                start = end + (text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n' ? 2 : 1);
            }
            if (recognised == 0) {
                throw new IllegalArgumentException("not a MilkDrop preset: none of its " + lines
                        + " non-empty lines has a MilkDrop key (such as fDecay=, zoom=, per_frame_1=, warp_1=);"
                        + " it starts with '" + excerpt(firstLine) + "'");
            }
            return new MilkPreset(base, perFrameInit.join(), perFrame.join(), perPixel.join(), build(shapes),
                    build(waves), warp.join(), comp.join(), warnings);
        }

        private void line(int lineNo, String raw) {
            String trimmed = raw.trim();
            if (trimmed.isEmpty()) {
                return;
            }
            lines++;
            if (firstLine == null) {
                firstLine = trimmed;
            }
            if (trimmed.charAt(0) == '[') {
                section(lineNo, trimmed);
                return;
            }
            int eq = raw.indexOf('=');
            if (eq < 0) {
                warn(lineNo, "no '=' in '" + excerpt(trimmed) + "'; line ignored");
                return;
            }
            String key = raw.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = raw.substring(eq + 1);
            MilkKey k = MilkKey.of(key);
            switch (k.kind) {
                case INVALID:
                    warn(lineNo, k.name + "; line ignored");
                    return;
                case BASE:
                    if (BaseValueNames.isKnown(key) || isVersionKey(key)) {
                        recognised++;
                    }
                    Double v = number(lineNo, key, value);
                    if (v != null) {
                        Integer previous = baseLine.put(key, lineNo);
                        if (previous != null) {
                            warn(lineNo, "'" + key + "' repeats line " + previous + "; the last value wins");
                        }
                        base.put(key, v);
                    }
                    return;
                case PER_FRAME_INIT:
                    equation(lineNo, key, perFrameInit, k.index, value.trim());
                    return;
                case PER_FRAME:
                    equation(lineNo, key, perFrame, k.index, value.trim());
                    return;
                case PER_PIXEL:
                    equation(lineNo, key, perPixel, k.index, value.trim());
                    return;
                case WARP:
                    equation(lineNo, key, warp, k.index, shaderLine(value));
                    return;
                case COMP:
                    equation(lineNo, key, comp, k.index, shaderLine(value));
                    return;
                case SHAPE_BASE:
                    customBase(lineNo, key, custom(shapes, k.element), k.name, value);
                    return;
                case WAVE_BASE:
                    customBase(lineNo, key, custom(waves, k.element), k.name, value);
                    return;
                case SHAPE_INIT:
                    equation(lineNo, key, custom(shapes, k.element).init, k.index, value.trim());
                    return;
                case SHAPE_PER_FRAME:
                    equation(lineNo, key, custom(shapes, k.element).perFrame, k.index, value.trim());
                    return;
                case WAVE_INIT:
                    equation(lineNo, key, custom(waves, k.element).init, k.index, value.trim());
                    return;
                case WAVE_PER_FRAME:
                    equation(lineNo, key, custom(waves, k.element).perFrame, k.index, value.trim());
                    return;
                case WAVE_PER_POINT:
                    equation(lineNo, key, custom(waves, k.element).perPoint, k.index, value.trim());
                    return;
                default:
                    throw new IllegalStateException("unhandled key kind " + k.kind);
            }
        }

        /** [preset00] opens the preset; MilkDrop writes exactly one, so anything else is noted. */
        private void section(int lineNo, String trimmed) {
            if (!trimmed.endsWith("]")) {
                warn(lineNo, "unterminated section header '" + excerpt(trimmed) + "'; line ignored");
                return;
            }
            String name = trimmed.substring(1, trimmed.length() - 1).trim().toLowerCase(Locale.ROOT);
            if (!name.startsWith("preset")) {
                warn(lineNo, "unknown section '" + excerpt(trimmed) + "'; its keys are read as the preset's");
            } else if (++sections > 1) {
                warn(lineNo, "second preset section '" + excerpt(trimmed) + "'; its keys override the first");
            }
        }

        private void equation(int lineNo, String key, NumberedLines block, int index, String text) {
            recognised++;
            int replaced = block.put(index, lineNo, text);
            if (replaced > 0) {
                warn(lineNo, "'" + key + "' repeats line " + replaced + "; the last one wins");
            }
        }

        private void customBase(int lineNo, String key, CustomBuilder c, String name, String value) {
            recognised++;
            Double v = number(lineNo, key, value);
            if (v != null) {
                Integer previous = c.baseLine.put(name, lineNo);
                if (previous != null) {
                    warn(lineNo, "'" + key + "' repeats line " + previous + "; the last value wins");
                }
                c.base.put(name, v);
            }
        }

        /** The value's leading number, as MilkDrop reads it; null (with a warning) when there is none. */
        private Double number(int lineNo, String key, String value) {
            String v = value.trim();
            int len = MilkNumbers.prefixLength(v);
            if (len == 0) {
                warn(lineNo, "value of '" + key + "' is not a number: '" + excerpt(v) + "'; line ignored");
                return null;
            }
            double d = MilkNumbers.parsePrefix(v, len);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                warn(lineNo, "value of '" + key + "' is out of range: '" + excerpt(v) + "'; line ignored");
                return null;
            }
            if (len < v.length()) {
                warn(lineNo, "value of '" + key + "' has trailing text '" + excerpt(v.substring(len))
                        + "'; read as " + d);
            }
            return d;
        }

        private static CustomBuilder custom(SortedMap<Integer, CustomBuilder> map, int element) {
            CustomBuilder c = map.get(element);
            if (c == null) {
                c = new CustomBuilder();
                map.put(element, c);
            }
            return c;
        }

        private void warn(int lineNo, String message) {
            warnings.add(new ParseWarning(lineNo, message));
        }
    }

    /** A shape or wave while its lines are collected. */
    private static final class CustomBuilder {
        final Map<String, Double> base = new LinkedHashMap<>();
        final Map<String, Integer> baseLine = new HashMap<>();
        final NumberedLines init = new NumberedLines();
        final NumberedLines perFrame = new NumberedLines();
        final NumberedLines perPoint = new NumberedLines();
    }

    private static SortedMap<Integer, MilkCustom> build(SortedMap<Integer, CustomBuilder> builders) {
        SortedMap<Integer, MilkCustom> out = new TreeMap<>();
        for (Map.Entry<Integer, CustomBuilder> e : builders.entrySet()) {
            CustomBuilder c = e.getValue();
            out.put(e.getKey(), new MilkCustom(e.getKey(), c.base, c.init.join(), c.perFrame.join(),
                    c.perPoint.join()));
        }
        return out;
    }

    /** MilkDrop 2 writes every shader line as key=`text; the backtick protects leading spaces and is not HLSL. */
    private static String shaderLine(String value) {
        int i = 0;
        while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
            i++;
        }
        return i < value.length() && value.charAt(i) == '`' ? value.substring(i + 1) : value;
    }

    private static boolean isVersionKey(String key) {
        return key.equals("milkdrop_preset_version") || key.equals("psversion") || key.equals("psversion_warp")
                || key.equals("psversion_comp");
    }

    private static String excerpt(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < EXCERPT; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return s.length() > EXCERPT ? sb + "..." : sb.toString();
    }
}
