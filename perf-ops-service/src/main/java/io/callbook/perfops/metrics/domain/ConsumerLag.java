package io.callbook.perfops.metrics.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns committed offsets into lag and groups into services. A partition's lag is its end minus the committed offset,
 * never below 0 (the end may be read a moment before the commit); a partition the group never committed to counts
 * from its end, as the suite's consumers start at the latest offset. A group belongs to the service of the longest
 * prefix of its name ({@code prefix=service} entries).
 */
public final class ConsumerLag {

    private static final Pattern PER_REPLICA = Pattern.compile(
            ".*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}.*");

    private final List<String[]> prefixes;

    public ConsumerLag(List<String> prefixToService) {
        List<String[]> parsed = new ArrayList<>();
        for (String entry : prefixToService) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                parsed.add(new String[]{entry.substring(0, equals).strip(), entry.substring(equals + 1).strip()});
            }
        }
        parsed.sort(Comparator.comparingInt((String[] pair) -> pair[0].length()).reversed());
        this.prefixes = List.copyOf(parsed);
    }

    public static long lag(Map<String, Long> committed, Map<String, Long> ends) {
        long lag = 0;
        for (Map.Entry<String, Long> end : ends.entrySet()) {
            Long offset = committed.get(end.getKey());
            if (offset != null && end.getValue() != null) {
                lag += Math.max(0, end.getValue() - offset);
            }
        }
        return lag;
    }

    public String serviceOf(String group) {
        for (String[] prefix : prefixes) {
            if (group.startsWith(prefix[0])) {
                return prefix[1];
            }
        }
        return null;
    }

    public List<SuiteMetrics.ConsumerGroup> groups(List<ConsumerOffsets.Group> groups) {
        return groups.stream()
                .map(group -> new SuiteMetrics.ConsumerGroup(group.group(), serviceOf(group.group()), group.state(),
                        lag(group.committed(), group.ends()), group.committed().size()))
                .sorted(Comparator.comparing(SuiteMetrics.ConsumerGroup::group))
                .toList();
    }

    /** The service's lag over its groups; null when it has no group. */
    public static Long serviceLag(String service, List<SuiteMetrics.ConsumerGroup> groups) {
        List<SuiteMetrics.ConsumerGroup> own = groups.stream()
                .filter(group -> service.equals(group.service()))
                .toList();
        return own.isEmpty() ? null : own.stream().mapToLong(SuiteMetrics.ConsumerGroup::lag).sum();
    }

    /** A per-replica group (resolver-cache-&lt;uuid&gt;) left Empty belonged to a replica that is gone. */
    public static boolean isAbandoned(String group, String state) {
        return "Empty".equalsIgnoreCase(state) && PER_REPLICA.matcher(group).matches();
    }
}
