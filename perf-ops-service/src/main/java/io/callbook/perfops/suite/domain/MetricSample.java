package io.callbook.perfops.suite.domain;

import java.util.Map;

/**
 * One line of a Prometheus text exposition, e.g. {@code http_server_requests_seconds_count{uri="/v1/resolve"} 42}.
 *
 * @param name   the metric name as exposed, with its suffix (_count, _sum, _bucket, _total)
 * @param labels its labels; empty when it has none
 */
public record MetricSample(String name, Map<String, String> labels, double value) {

    public String label(String label) {
        return labels.getOrDefault(label, "");
    }
}
