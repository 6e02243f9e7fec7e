package io.callbook.loadtest.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the statistics table of a Gatling 3.15 HTML report ({@code index.html}). Gatling 3.15 writes no
 * {@code js/stats.json} any more; the table is the report's only machine-readable summary. Columns are found by their
 * headings, and the percentile headings follow {@code charting.indicators} in {@code gatling.conf} (50/95/99/99.9).
 */
public final class GatlingReport {

    private static final Pattern HEADING = Pattern.compile(
            "<th id=\"col-(\\d+)\"[^>]*>\\s*<span>(?:<abbr[^>]*>)?([^<]+)");
    private static final Pattern CELL = Pattern.compile("<td class=\"value [^\"]*\\bcol-(\\d+)\">([^<]*)</td>");
    private static final Pattern REQUEST_ROW = Pattern.compile("<tr id=\"req_[^\"]*\"");
    private static final Pattern REQUEST_NAME = Pattern.compile("class=\"ellipsed-name\">([^<]*)<");
    private static final Pattern ERROR_ROW = Pattern.compile(
            "<td class=\"error-col-1[^\"]*\">([^<]*)<span[^>]*>[^<]*</span></td>\\s*<td class=\"value error-col-2[^\"]*\">([\\d,]+)</td>");

    private GatlingReport() {
    }

    public static ResponseStats read(Path reportDir) {
        Path index = reportDir.resolve("index.html");
        try {
            return parse(Files.readString(index));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Gatling report " + index, e);
        }
    }

    /** What went wrong in a run, most frequent first, e.g. "12325 × Request timeout to … after 10000 ms". */
    public static List<String> errors(Path reportDir) {
        try {
            return parseErrors(Files.readString(reportDir.resolve("index.html")));
        } catch (IOException e) {
            return List.of();
        }
    }

    static List<String> parseErrors(String html) {
        List<String> errors = new ArrayList<>();
        Matcher row = ERROR_ROW.matcher(html);
        while (row.find()) {
            errors.add(row.group(2).replace(",", "") + " × " + row.group(1).trim());
        }
        return errors;
    }

    /** Each request's line of the statistics table, by the request's name; a run with several kinds of request. */
    public static Map<String, ResponseStats> requests(Path reportDir) {
        Path index = reportDir.resolve("index.html");
        try {
            return parseRequests(Files.readString(index));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Gatling report " + index, e);
        }
    }

    static ResponseStats parse(String html) {
        Map<String, Integer> columns = columns(html);
        int rowStart = html.indexOf("<tr id=\"ROOT\"");
        if (rowStart < 0) {
            throw new IllegalStateException("No statistics table in the Gatling report (was it written by Gatling 3.15?)");
        }
        return stats(columns, html.substring(rowStart, html.indexOf("</tr>", rowStart)));
    }

    static Map<String, ResponseStats> parseRequests(String html) {
        Map<String, Integer> columns = columns(html);
        Map<String, ResponseStats> requests = new LinkedHashMap<>();
        Matcher request = REQUEST_ROW.matcher(html);
        while (request.find()) {
            String row = html.substring(request.start(), html.indexOf("</tr>", request.start()));
            Matcher name = REQUEST_NAME.matcher(row);
            if (name.find()) {
                requests.put(name.group(1).trim(), stats(columns, row));
            }
        }
        return requests;
    }

    private static Map<String, Integer> columns(String html) {
        Map<String, Integer> columns = new HashMap<>();
        Matcher heading = HEADING.matcher(html);
        while (heading.find()) {
            columns.putIfAbsent(heading.group(2).trim(), Integer.parseInt(heading.group(1)));
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("No statistics table in the Gatling report (was it written by Gatling 3.15?)");
        }
        return columns;
    }

    private static ResponseStats stats(Map<String, Integer> columns, String row) {
        Map<Integer, String> cells = new HashMap<>();
        Matcher cell = CELL.matcher(row);
        while (cell.find()) {
            cells.put(Integer.parseInt(cell.group(1)), cell.group(2).trim());
        }
        Reader values = new Reader(columns, cells);
        return new ResponseStats(values.number("Total"), values.number("OK"), values.number("KO"),
                (int) values.number("50th pct"), (int) values.number("95th pct"), (int) values.number("99th pct"),
                (int) values.number("Max"), (int) values.number("Mean"));
    }

    private record Reader(Map<String, Integer> columns, Map<Integer, String> cells) {
        long number(String heading) {
            Integer column = columns.get(heading);
            if (column == null) {
                throw new IllegalStateException("The Gatling report has no column '" + heading + "' (has " + columns.keySet()
                        + "); gatling.conf must set the percentiles to 50, 95, 99 and 99.9");
            }
            String value = cells.getOrDefault(column, "-").replace(",", "");
            return value.equals("-") || value.isEmpty() ? 0 : Math.round(Double.parseDouble(value));
        }
    }
}
