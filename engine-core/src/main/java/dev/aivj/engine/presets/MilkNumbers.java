package dev.aivj.engine.presets;

/**
 * Reads a base value the way MilkDrop (C's atof) and butterchurn's converter (JavaScript's parseFloat) do: the longest
 * decimal prefix counts and the rest is ignored, so {@code 3.000000.500000} reads 3.0 on every player. Hand-written
 * instead of a regex so TeaVM compiles it.
 */
final class MilkNumbers {
    private MilkNumbers() {
    }

    /** Length of the longest decimal number at the start of {@code s} (sign, digits, '.', exponent); 0 if none. */
    static int prefixLength(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return 0;
        }
        return skipExponent(s, i);
    }

    /**
     * The index after an exponent ({@code e}/{@code E}, optional sign, digits) starting at {@code i}, or {@code i}
     * when there is none: an exponent only counts when digits follow it ("1e" reads as 1).
     */
    static int skipExponent(String s, int i) {
        int n = s.length();
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            if (j < n && isDigit(s.charAt(j))) {
                while (j < n && isDigit(s.charAt(j))) {
                    j++;
                }
                return j;
            }
        }
        return i;
    }

    /** The value of the numeric prefix; call only when {@link #prefixLength} is positive. */
    static double parsePrefix(String s, int length) {
        return Double.parseDouble(s.substring(0, length));
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
