package io.callbook.perfops.analysis.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the conditions of an EXPLAIN plan ({@code Filter}, {@code Index Cond}, {@code Hash Cond}, ...) as an index
 * advisor needs them. Only top-level AND-ed comparisons count: a condition under OR cannot use one index, a function
 * of a column needs an expression index, and LIKE needs an operator class; those are left out rather than guessed.
 * A comparison of a column with a parameter, a constant or an outer value is a {@link Predicate}; an equality of two
 * columns of different relations is a {@link JoinEquality}.
 */
public final class Condition {

    /** How a predicate can use a B-tree: equality columns lead, one range column may follow. */
    public enum Kind { EQUALITY, RANGE, NULL_TEST }

    /** @param qualifier the relation alias, or null when the plan did not qualify the column */
    public record Predicate(String qualifier, String column, Kind kind) {
    }

    public record JoinEquality(String leftQualifier, String leftColumn, String rightQualifier, String rightColumn) {
    }

    public record Terms(List<Predicate> predicates, List<JoinEquality> joins) {

        static final Terms NONE = new Terms(List.of(), List.of());
    }

    private static final List<String> OPERATORS = List.of(" = ", " <> ", " != ", " <= ", " >= ", " < ", " > ");
    private static final Pattern CAST = Pattern.compile("::(\"?[A-Za-z_][\\w ]*\"?)(\\(\\d+(,\\d+)?\\))?(\\[\\])?");
    private static final Pattern COLUMN = Pattern.compile("^(?:(\"[^\"]+\"|[A-Za-z_][\\w$]*)\\.)?(\"[^\"]+\"|[A-Za-z_][\\w$]*)$");
    private static final List<String> NOT_COLUMNS = List.of("true", "false", "null", "current_date", "current_timestamp",
            "localtimestamp", "current_user", "session_user");

    private Condition() {
    }

    /** The terms of one condition text; nothing when it is null or not a conjunction of comparisons. */
    public static Terms parse(String condition) {
        if (condition == null || condition.isBlank()) {
            return Terms.NONE;
        }
        List<Predicate> predicates = new ArrayList<>();
        List<JoinEquality> joins = new ArrayList<>();
        for (String conjunct : conjuncts(condition)) {
            comparison(conjunct, predicates, joins);
        }
        return new Terms(List.copyOf(predicates), List.copyOf(joins));
    }

    /** The top-level AND-ed parts; none when the top level is an OR. */
    static List<String> conjuncts(String condition) {
        String text = unwrap(condition.strip());
        if (splitTopLevel(text, " OR ").size() > 1) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        for (String part : splitTopLevel(text, " AND ")) {
            parts.add(unwrap(part.strip()));
        }
        return parts;
    }

    private static void comparison(String conjunct, List<Predicate> predicates, List<JoinEquality> joins) {
        String upper = conjunct.toUpperCase(Locale.ROOT);
        if (upper.endsWith(" IS NULL") && depthZero(conjunct, conjunct.length() - 8)) {
            column(conjunct.substring(0, conjunct.length() - 8))
                    .ifPresent(c -> predicates.add(new Predicate(c[0], c[1], Kind.NULL_TEST)));
            return;
        }
        for (String operator : OPERATORS) {
            int at = indexAtDepthZero(conjunct, operator);
            if (at < 0) {
                continue;
            }
            String left = conjunct.substring(0, at);
            String right = conjunct.substring(at + operator.length());
            Optional<String[]> leftColumn = column(left);
            Optional<String[]> rightColumn = column(right);
            Kind kind = switch (operator.strip()) {
                case "=" -> Kind.EQUALITY;
                case "<", ">", "<=", ">=" -> Kind.RANGE;
                default -> null;
            };
            if (kind == null) {
                return;
            }
            if (leftColumn.isPresent() && rightColumn.isPresent()) {
                String[] l = leftColumn.get();
                String[] r = rightColumn.get();
                if (kind == Kind.EQUALITY && l[0] != null && r[0] != null && !l[0].equals(r[0])) {
                    joins.add(new JoinEquality(l[0], l[1], r[0], r[1]));
                }
            } else if (leftColumn.isPresent() && isValue(right)) {
                predicates.add(new Predicate(leftColumn.get()[0], leftColumn.get()[1], kind));
            } else if (rightColumn.isPresent() && isValue(left)) {
                predicates.add(new Predicate(rightColumn.get()[0], rightColumn.get()[1], kind));
            }
            return;
        }
    }

    /** {qualifier or null, column} when the operand is a plain (possibly cast) column reference. */
    static Optional<String[]> column(String operand) {
        String text = unwrap(CAST.matcher(unwrap(operand.strip())).replaceAll("").strip());
        text = unwrap(text);
        Matcher matcher = COLUMN.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String column = unquote(matcher.group(2));
        if (matcher.group(1) == null && NOT_COLUMNS.contains(column.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(new String[]{matcher.group(1) == null ? null : unquote(matcher.group(1)), column});
    }

    /** A parameter, a constant, an array of them, or a value from an outer plan node: anything but a column. */
    private static boolean isValue(String operand) {
        String text = unwrap(operand.strip());
        return text.startsWith("$") || text.startsWith("'") || text.startsWith("ANY ") || text.startsWith("ALL ")
                || text.startsWith("(InitPlan") || text.startsWith("(SubPlan") || text.startsWith("InitPlan")
                || text.matches("^-?\\d.*") || text.toUpperCase(Locale.ROOT).startsWith("NULL")
                || text.matches("(?is)^(now\\(\\)|current_\\w+|localtimestamp|true|false)(\\W.*)?$")
                || (unwrap(CAST.matcher(text).replaceAll("")).startsWith("$"));
    }

    private static String unquote(String identifier) {
        return identifier.startsWith("\"") ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"") : identifier;
    }

    /** Removes parentheses that enclose the whole text. */
    static String unwrap(String text) {
        String result = text.strip();
        while (result.startsWith("(") && closingParen(result, 0) == result.length() - 1) {
            result = result.substring(1, result.length() - 1).strip();
        }
        return result;
    }

    private static int closingParen(String text, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> splitTopLevel(String text, String separator) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int at;
        int from = 0;
        while ((at = indexAtDepthZero(text, separator, from)) >= 0) {
            parts.add(text.substring(start, at));
            start = at + separator.length();
            from = start;
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static int indexAtDepthZero(String text, String token) {
        return indexAtDepthZero(text, token, 0);
    }

    private static int indexAtDepthZero(String text, String token, int from) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && i >= from && text.startsWith(token, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean depthZero(String text, int index) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < index; i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            }
        }
        return depth == 0 && !quoted;
    }
}
