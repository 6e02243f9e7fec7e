package io.callbook.common.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KafkaClientMetersTest {

    @Test
    void keepsTheActionableKafkaMetersAndNothingElseOfKafka() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new KafkaClientMeters().onlyActionableKafkaMeters());

        registry.gauge("kafka.consumer.fetch.manager.records.lag.max", 3.0);
        registry.gauge("kafka.consumer.fetch.manager.fetch.latency.avg", 1.0);
        registry.gauge("kafka.producer.node.request.latency.max", 1.0);
        registry.counter("kafka.producer.record.error.total").increment();
        registry.counter("http.server.requests").increment();

        assertEquals(1, registry.find("kafka.consumer.fetch.manager.records.lag.max").meters().size());
        assertEquals(1, registry.find("kafka.producer.record.error.total").meters().size());
        assertEquals(0, registry.find("kafka.consumer.fetch.manager.fetch.latency.avg").meters().size());
        assertEquals(0, registry.find("kafka.producer.node.request.latency.max").meters().size());
        assertEquals(1, registry.find("http.server.requests").meters().size());
    }
}
