package dev.aivj.engine.presets;

/**
 * How much code an equation block holds: statements (';'-separated, non-empty) and operators, where an operator is an
 * arithmetic, comparison, logical or conditional symbol ({@code + - * / % ^ & | < > ! ? :}, two-character forms such
 * as {@code ==} and {@code &&} counting once, plain assignment '=' not counted) or a function call ({@code sin(},
 * {@code above(}). Comments ({@code //} to the end of the line, and {@code /* ... *}{@code /}) are skipped. Works on
 * MilkDrop's EEL text and equally on butterchurn's JavaScript translation of it, though the two count differently.
 */
public final class EquationStats {
    public static final EquationStats NONE = new EquationStats(0, 0);

    private final int statements;
    private final int operators;

    private EquationStats(int statements, int operators) {
        this.statements = statements;
        this.operators = operators;
    }

    public int statements() {
        return statements;
    }

    public int operators() {
        return operators;
    }

    public EquationStats plus(EquationStats o) {
        return new EquationStats(statements + o.statements, operators + o.operators);
    }

    /** Counts one block; null or blank text counts nothing. */
    public static EquationStats of(String text) {
        if (text == null || text.isEmpty()) {
            return NONE;
        }
        int statements = 0;
        int operators = 0;
        boolean statementHasCode = false;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : '\0';
            if (c == '/' && next == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '/' && next == '*') {
                int close = text.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                continue;
            }
            if (c == ';') {
                if (statementHasCode) {
                    statements++;
                }
                statementHasCode = false;
                i++;
                continue;
            }
            if (c <= ' ') {
                i++;
                continue;
            }
            statementHasCode = true;
            if (isIdentifierStart(c)) {
                int j = i + 1;
                while (j < n && isIdentifierPart(text.charAt(j))) {
                    j++;
                }
                int k = j;
                while (k < n && text.charAt(k) <= ' ') {
                    k++;
                }
                if (k < n && text.charAt(k) == '(') {
                    operators++; // a function call
                }
                i = j;
            } else if (isDigit(c) || c == '.' && isDigit(next)) {
                i = skipNumber(text, i);
            } else if (isTwoCharOperator(c, next)) {
                operators++;
                i += 2;
            } else {
                if ("+-*/%^&|<>!?:".indexOf(c) >= 0) {
                    operators++;
                }
                i++;
            }
        }
        if (statementHasCode) {
            statements++; // the last statement may lack its ';'
        }
        return new EquationStats(statements, operators);
    }

    /** Skips a literal such as 12, 0.5, .5, 1e-3 so an exponent's sign is not an operator. */
    private static int skipNumber(String s, int i) {
        int n = s.length();
        while (i < n && (isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
            i++;
        }
        return MilkNumbers.skipExponent(s, i);
    }

    private static boolean isTwoCharOperator(char c, char next) {
        return next == '=' && (c == '=' || c == '!' || c == '<' || c == '>')
                || c == '&' && next == '&' || c == '|' && next == '|';
    }

    private static boolean isIdentifierStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }

    private static boolean isDigit(char c) {
        return MilkNumbers.isDigit(c);
    }
}
