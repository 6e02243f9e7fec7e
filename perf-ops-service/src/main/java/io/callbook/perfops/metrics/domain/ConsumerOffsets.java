package io.callbook.perfops.metrics.domain;

import java.util.List;
import java.util.Map;

/** Reads the Kafka consumer groups' committed offsets and their partitions' ends. */
public interface ConsumerOffsets {

    /**
     * @param state     Kafka's group state, e.g. Stable, Empty
     * @param committed partition ("topic-3") to the group's committed offset
     * @param ends      partition to its log-end offset, for the same partitions
     */
    record Group(String group, String state, Map<String, Long> committed, Map<String, Long> ends) {
    }

    /**
     * Every consumer group but those a gone replica left behind ({@link ConsumerLag#isAbandoned}); empty when Kafka
     * cannot be reached (the figures are left out, never the scrape).
     */
    List<Group> read();
}
