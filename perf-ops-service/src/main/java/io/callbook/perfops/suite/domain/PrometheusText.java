package io.callbook.perfops.suite.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the Prometheus text exposition format (version 0.0.4), as Micrometer writes it: comments and blank lines are
 * skipped, label values may hold escaped quotes, backslashes and newlines, values may be NaN or ±Inf, and a trailing
 * timestamp is ignored. A line it cannot read is skipped rather than failing the whole scrape.
 */
public final class PrometheusText {

    private PrometheusText() {
    }

    public static List<MetricSample> parse(String text) {
        List<MetricSample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            MetricSample sample = parseLine(trimmed);
            if (sample != null) {
                samples.add(sample);
            }
        }
        return samples;
    }

    static MetricSample parseLine(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String name;
        Map<String, String> labels;
        int rest;
        if (brace >= 0 && brace < space) {
            name = line.substring(0, brace);
            labels = new LinkedHashMap<>();
            rest = parseLabels(line, brace + 1, labels);
            if (rest < 0) {
                return null;
            }
        } else {
            name = line.substring(0, space);
            labels = Collections.emptyMap();
            rest = space;
        }
        String[] valueAndTime = line.substring(rest).strip().split("\\s+");
        if (valueAndTime.length == 0 || valueAndTime[0].isEmpty()) {
            return null;
        }
        try {
            return new MetricSample(name, labels, value(valueAndTime[0]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** @return the index after the closing brace, or -1 when the labels are malformed */
    private static int parseLabels(String line, int from, Map<String, String> labels) {
        int i = from;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '}') {
                return i + 1;
            }
            if (c == ',' || c == ' ') {
                i++;
                continue;
            }
            int equals = line.indexOf('=', i);
            if (equals < 0 || equals + 1 >= line.length() || line.charAt(equals + 1) != '"') {
                return -1;
            }
            String key = line.substring(i, equals).strip();
            StringBuilder value = new StringBuilder();
            int j = equals + 2;
            while (j < line.length() && line.charAt(j) != '"') {
                char v = line.charAt(j);
                if (v == '\\' && j + 1 < line.length()) {
                    char escaped = line.charAt(++j);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(v);
                }
                j++;
            }
            if (j >= line.length()) {
                return -1;
            }
            labels.put(key, value.toString());
            i = j + 1;
        }
        return -1;
    }

    private static double value(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}
