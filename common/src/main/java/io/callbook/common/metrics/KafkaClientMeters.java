package io.callbook.common.metrics;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Set;

/**
 * Of the Kafka clients' own metrics only the few an operator acts on reach /q/metrics: consumer lag and throughput,
 * rebalances, and the producer's sends, retries and errors. The client library reports ~80 per consumer and producer
 * (per node, per topic, per partition), which made up over a third of each service's /q/metrics; perf-ops scrapes it
 * every few seconds, and rendering it allocated arrays large enough for G1 to collect them as humongous objects, with
 * pauses of up to 100 ms in the middle of voice calls. perf-ops reads consumer lag from the committed offsets anyway.
 */
public class KafkaClientMeters {

    static final Set<String> KEPT = Set.of(
            "kafka.consumer.fetch.manager.records.lag.max",
            "kafka.consumer.fetch.manager.records.consumed.total",
            "kafka.consumer.coordinator.rebalance.total",
            "kafka.consumer.coordinator.failed.rebalance.total",
            "kafka.producer.record.send.total",
            "kafka.producer.record.retry.total",
            "kafka.producer.record.error.total");

    @Produces
    @Singleton
    public MeterFilter onlyActionableKafkaMeters() {
        return MeterFilter.deny(id -> id.getName().startsWith("kafka.") && !KEPT.contains(id.getName()));
    }
}
