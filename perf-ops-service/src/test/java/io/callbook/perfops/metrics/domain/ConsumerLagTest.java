package io.callbook.perfops.metrics.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsumerLagTest {

    private final ConsumerLag lag = new ConsumerLag(
            List.of("resolver-=resolver", "booking-=booking", "webhook-=webhook", "ops-=perf-ops"));

    @Test
    void lagIsTheEndMinusTheCommittedOffsetSummedOverPartitions() {
        long lag = ConsumerLag.lag(Map.of("t-0", 10L, "t-1", 5L, "t-2", 7L), Map.of("t-0", 15L, "t-1", 5L, "t-2", 9L));

        assertEquals(5 + 0 + 2, lag);
    }

    @Test
    void anEndReadBeforeTheLatestCommitCountsAsNoLag() {
        assertEquals(0, ConsumerLag.lag(Map.of("t-0", 12L), Map.of("t-0", 10L)));
    }

    @Test
    void aPartitionWithoutAnEndOrCommitIsLeftOut() {
        assertEquals(0, ConsumerLag.lag(Map.of("t-0", 3L), Map.of("t-1", 10L)));
    }

    @Test
    void groupsBelongToTheServiceOfTheirNamesPrefix() {
        assertEquals("booking", lag.serviceOf("booking-directory"));
        assertEquals("resolver", lag.serviceOf("resolver-cache-0b7d5c0e-2f39-4a8e-9c51-6f0c1d2e3f4a"));
        assertEquals("perf-ops", lag.serviceOf("ops-commands"));
        assertNull(lag.serviceOf("someone-elses"));
    }

    @Test
    void aServicesLagSumsItsGroups() {
        List<SuiteMetrics.ConsumerGroup> groups = lag.groups(List.of(
                new ConsumerOffsets.Group("booking-directory", "Stable", Map.of("d-0", 1L), Map.of("d-0", 4L)),
                new ConsumerOffsets.Group("booking-availability", "Empty", Map.of("b-0", 2L), Map.of("b-0", 4L)),
                new ConsumerOffsets.Group("resolver-cache-1b7d5c0e-2f39-4a8e-9c51-6f0c1d2e3f4a", "Stable",
                        Map.of("d-0", 3L), Map.of("d-0", 4L)),
                new ConsumerOffsets.Group("strangers", "Stable", Map.of("x-0", 0L), Map.of("x-0", 9L))));

        assertEquals(List.of("booking-availability", "booking-directory",
                "resolver-cache-1b7d5c0e-2f39-4a8e-9c51-6f0c1d2e3f4a", "strangers"),
                groups.stream().map(SuiteMetrics.ConsumerGroup::group).toList());
        assertEquals(3L + 2, ConsumerLag.serviceLag("booking", groups));
        assertEquals(1L, ConsumerLag.serviceLag("resolver", groups));
        assertNull(ConsumerLag.serviceLag("webhook", groups));
        assertNull(groups.getLast().service());
        assertEquals(9, groups.getLast().lag());
    }

    @Test
    void onlyAnEmptyPerReplicaGroupIsAbandoned() {
        String perReplica = "resolver-cache-0b7d5c0e-2f39-4a8e-9c51-6f0c1d2e3f4a";

        assertTrue(ConsumerLag.isAbandoned(perReplica, "Empty"));
        assertFalse(ConsumerLag.isAbandoned(perReplica, "Stable"));
        // A service's own group is empty while the service is down; its lag is what the service has to catch up.
        assertFalse(ConsumerLag.isAbandoned("booking-availability", "Empty"));
    }
}
