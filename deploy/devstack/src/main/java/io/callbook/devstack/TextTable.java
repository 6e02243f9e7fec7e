package io.callbook.devstack;

import java.util.ArrayList;
import java.util.List;

/**
 * A table as plain text for a terminal: a column as wide as its widest cell (capped, longer cells end in "…"),
 * numbers aligned right, a rule under the headings.
 */
final class TextTable {

    static final int MAX_CELL = 80;

    private TextTable() {
    }

    static String render(List<String> columns, List<List<String>> rows, String indent) {
        int count = columns.size();
        for (List<String> row : rows) {
            count = Math.max(count, row.size());
        }
        int[] widths = new int[count];
        boolean[] numeric = new boolean[count];
        for (int c = 0; c < count; c++) {
            widths[c] = cell(columns, c).length();
            numeric[c] = !rows.isEmpty();
            for (List<String> row : rows) {
                String cell = cell(row, c);
                widths[c] = Math.max(widths[c], cell.length());
                if (!cell.isEmpty() && !cell.matches("[-+]?[0-9][0-9.,]*\\s*%?|—|-|n/a")) {
                    numeric[c] = false;
                }
            }
        }
        StringBuilder text = new StringBuilder();
        line(text, indent, columns, widths, numeric);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line(text, indent, rule, widths, new boolean[count]);
        for (List<String> row : rows) {
            line(text, indent, row, widths, numeric);
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String indent, List<String> cells, int[] widths, boolean[] right) {
        StringBuilder line = new StringBuilder(indent);
        for (int c = 0; c < widths.length; c++) {
            String cell = cell(cells, c);
            String pad = " ".repeat(widths[c] - cell.length());
            line.append(right[c] ? pad + cell : cell + pad);
            if (c < widths.length - 1) {
                line.append("  ");
            }
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }

    private static String cell(List<String> cells, int index) {
        String cell = index < cells.size() && cells.get(index) != null ? cells.get(index) : "";
        cell = cell.replaceAll("\\s+", " ").strip();
        return cell.length() > MAX_CELL ? cell.substring(0, MAX_CELL - 1) + "…" : cell;
    }
}
