package io.callbook.common.persistence;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The shape of a SQL statement: what stays the same when a loop runs it again with other values. String and number
 * literals and positional parameters become {@code ?}, a comma-separated run of them becomes one {@code ?} (so
 * {@code in (?, ?, ?)} and {@code in (?)} are one shape), comments go and whitespace runs become one space. Quoted
 * identifiers and names with digits ({@code c1_0.id}) are kept as they are.
 * <p>
 * One hand-written pass per statement, no regular expressions: it runs for every statement of every request. Shapes
 * are remembered per statement text, because Hibernate sends the same few texts again and again; the memory is
 * bounded, so statements with inlined literals cannot grow it without end.
 */
public final class SqlShapes {

    private static final int REMEMBERED = 2_048;

    private final ConcurrentHashMap<String, String> remembered = new ConcurrentHashMap<>();

    public String of(String sql) {
        String shape = remembered.get(sql);
        if (shape == null) {
            shape = shapeOf(sql);
            if (remembered.size() < REMEMBERED) {
                remembered.put(sql, shape);
            }
        }
        return shape;
    }

    static String shapeOf(String sql) {
        int length = sql.length();
        StringBuilder out = new StringBuilder(length);
        boolean pendingSpace = false;
        int i = 0;
        while (i < length) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                pendingSpace = out.length() > 0;
                i++;
                continue;
            }
            if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                i = skipLineComment(sql, i);
                pendingSpace = out.length() > 0;
                continue;
            }
            if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                i = skipBlockComment(sql, i);
                pendingSpace = out.length() > 0;
                continue;
            }
            if (c == '\'') {
                i = skipString(sql, i);
                pendingSpace = appendValue(out, pendingSpace);
                continue;
            }
            if (c == '?') {
                i++;
                pendingSpace = appendValue(out, pendingSpace);
                continue;
            }
            if (c == '$' && i + 1 < length && isDigit(sql.charAt(i + 1)) && !continuesName(out, pendingSpace)) {
                i = skipDigits(sql, i + 1);
                pendingSpace = appendValue(out, pendingSpace);
                continue;
            }
            if (isDigit(c) && !continuesName(out, pendingSpace)) {
                i = skipNumber(sql, i);
                pendingSpace = appendValue(out, pendingSpace);
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            if (c == '"') {
                int end = sql.indexOf('"', i + 1);
                end = end < 0 ? length : end + 1;
                out.append(sql, i, end);
                i = end;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** Appends a {@code ?}, unless it continues a list of them ({@code ?, ?}), which stays one {@code ?}. */
    private static boolean appendValue(StringBuilder out, boolean pendingSpace) {
        int end = out.length();
        if (end >= 2 && out.charAt(end - 1) == ',' && out.charAt(end - 2) == '?') {
            out.setLength(end - 1);
            return false;
        }
        if (pendingSpace) {
            out.append(' ');
        }
        out.append('?');
        return false;
    }

    /** A digit right after a letter, digit, underscore or dot is part of a name ({@code t1_0}), not a number. */
    private static boolean continuesName(StringBuilder out, boolean pendingSpace) {
        if (pendingSpace || out.isEmpty()) {
            return false;
        }
        char last = out.charAt(out.length() - 1);
        return Character.isLetterOrDigit(last) || last == '_' || last == '$' || last == '"';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int skipDigits(String sql, int i) {
        while (i < sql.length() && isDigit(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipNumber(String sql, int i) {
        i = skipDigits(sql, i);
        if (i + 1 < sql.length() && sql.charAt(i) == '.' && isDigit(sql.charAt(i + 1))) {
            i = skipDigits(sql, i + 1);
        }
        return i;
    }

    /** Past the closing quote; a doubled quote inside is part of the string. */
    private static int skipString(String sql, int i) {
        int j = i + 1;
        while (j < sql.length()) {
            if (sql.charAt(j) == '\'') {
                if (j + 1 < sql.length() && sql.charAt(j + 1) == '\'') {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return j;
    }

    private static int skipLineComment(String sql, int i) {
        int end = sql.indexOf('\n', i);
        return end < 0 ? sql.length() : end + 1;
    }

    private static int skipBlockComment(String sql, int i) {
        int end = sql.indexOf("*/", i + 2);
        return end < 0 ? sql.length() : end + 2;
    }
}
