package dev.aivj.engine.presets;

/**
 * The grammar of a .milk key (already lower-cased): which block a line belongs to and its numbers, e.g.
 * {@code per_frame_12} is line 12 of the per-frame equations and {@code shapecode_2_rad} is base value "rad" of
 * shape 2. Parsed by hand (no java.util.regex) so TeaVM compiles it.
 */
final class MilkKey {
    enum Kind {
        BASE, PER_FRAME_INIT, PER_FRAME, PER_PIXEL, WARP, COMP,
        SHAPE_BASE, SHAPE_INIT, SHAPE_PER_FRAME, WAVE_BASE, WAVE_INIT, WAVE_PER_FRAME, WAVE_PER_POINT, INVALID
    }

    /** Longer indices than this are junk, not line numbers (and would overflow an int). */
    private static final int MAX_INDEX_DIGITS = 8;

    final Kind kind;
    /** Shape or wave number; -1 for other kinds. */
    final int element;
    /** Line number within a numbered block; -1 for base values. */
    final int index;
    /** Base-value name (the part after {@code shapecode_N_} for shapes and waves); the reason for INVALID. */
    final String name;

    private MilkKey(Kind kind, int element, int index, String name) {
        this.kind = kind;
        this.element = element;
        this.index = index;
        this.name = name;
    }

    private static MilkKey invalid(String reason) {
        return new MilkKey(Kind.INVALID, -1, -1, reason);
    }

    static MilkKey of(String key) {
        if (key.isEmpty()) {
            return invalid("empty key");
        }
        if (key.startsWith("per_frame_init_")) {
            return numbered(Kind.PER_FRAME_INIT, key, "per_frame_init_".length());
        }
        if (key.startsWith("per_frame_")) {
            return numbered(Kind.PER_FRAME, key, "per_frame_".length());
        }
        if (key.startsWith("per_pixel_")) {
            return numbered(Kind.PER_PIXEL, key, "per_pixel_".length());
        }
        if (key.startsWith("warp_") && startsWithDigit(key, 5)) {
            return numbered(Kind.WARP, key, 5);
        }
        if (key.startsWith("comp_") && startsWithDigit(key, 5)) {
            return numbered(Kind.COMP, key, 5);
        }
        if (key.startsWith("shapecode_")) {
            return elementBase(Kind.SHAPE_BASE, key, "shapecode_".length());
        }
        if (key.startsWith("wavecode_")) {
            return elementBase(Kind.WAVE_BASE, key, "wavecode_".length());
        }
        if (key.startsWith("shape_") && startsWithDigit(key, 6)) {
            return elementEquation(key, 6, new String[] {"per_frame", "init"},
                    new Kind[] {Kind.SHAPE_PER_FRAME, Kind.SHAPE_INIT});
        }
        if (key.startsWith("wave_") && startsWithDigit(key, 5)) {
            return elementEquation(key, 5, new String[] {"per_frame", "per_point", "init"},
                    new Kind[] {Kind.WAVE_PER_FRAME, Kind.WAVE_PER_POINT, Kind.WAVE_INIT});
        }
        if (!isIdentifier(key)) {
            return invalid("'" + key + "' is not a key name");
        }
        return new MilkKey(Kind.BASE, -1, -1, key);
    }

    /** prefix + digits, e.g. per_frame_12. */
    private static MilkKey numbered(Kind kind, String key, int from) {
        int end = digitsEnd(key, from);
        if (end == from || end != key.length()) {
            return invalid("'" + key + "' needs a line number after '" + key.substring(0, from) + "'");
        }
        if (end - from > MAX_INDEX_DIGITS) {
            return invalid("line number of '" + key + "' is too long");
        }
        return new MilkKey(kind, -1, Integer.parseInt(key.substring(from, end)), null);
    }

    /** prefix + element digits + '_' + name, e.g. shapecode_2_rad. */
    private static MilkKey elementBase(Kind kind, String key, int from) {
        int end = digitsEnd(key, from);
        if (end == from || end - from > MAX_INDEX_DIGITS || end >= key.length() - 1 || key.charAt(end) != '_'
                || !isIdentifier(key.substring(end + 1))) {
            return invalid("'" + key + "' is not '" + key.substring(0, from) + "N_name'");
        }
        return new MilkKey(kind, Integer.parseInt(key.substring(from, end)), -1, key.substring(end + 1));
    }

    /** prefix + element digits + '_' + block + optional '_' + line digits, e.g. wave_0_per_point12. */
    private static MilkKey elementEquation(String key, int from, String[] blocks, Kind[] kinds) {
        int end = digitsEnd(key, from);
        if (end - from <= MAX_INDEX_DIGITS && end < key.length() && key.charAt(end) == '_') {
            int element = Integer.parseInt(key.substring(from, end));
            for (int b = 0; b < blocks.length; b++) {
                if (key.startsWith(blocks[b], end + 1)) {
                    int p = end + 1 + blocks[b].length();
                    if (p < key.length() && key.charAt(p) == '_') {
                        p++;
                    }
                    int q = digitsEnd(key, p);
                    if (q > p && q == key.length() && q - p <= MAX_INDEX_DIGITS) {
                        return new MilkKey(kinds[b], element, Integer.parseInt(key.substring(p, q)), null);
                    }
                }
            }
        }
        return invalid("'" + key + "' is not a known shape or wave equation key");
    }

    private static boolean startsWithDigit(String s, int at) {
        return at < s.length() && s.charAt(at) >= '0' && s.charAt(at) <= '9';
    }

    private static int digitsEnd(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** ASCII letter or '_' first, then letters, digits and '_'. */
    static boolean isIdentifier(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || i > 0 && c >= '0' && c <= '9';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
