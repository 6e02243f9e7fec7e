package io.callbook.common.events;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.callbook.common.events.ListenedConsumers.send;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A consumer group of the process's own, as the resolver's cache invalidation uses, against the devstack's real
 * Kafka: it joins after messages were sent and must still read those sent since the process started.
 */
class SinceProcessStartTest {

    private final Instant processStart = Instant.now().minus(Duration.ofMinutes(10));

    @Test
    void aGroupJoiningLateReadsWhatWasSentSinceTheProcessStartedAndNothingBefore() {
        String topic = "callbook.common-test.since-start." + UUID.randomUUID();
        send(topic, "before the process", processStart.minus(SinceProcessStart.CLOCK_MARGIN).minusSeconds(60));
        send(topic, "while the group joined", processStart.plusSeconds(1));

        try (KafkaConsumer<String, String> consumer = consumer(topic)) {
            assertEquals(List.of("while the group joined"), ListenedConsumers.readUntilSomething(consumer));
        }
    }

    @Test
    void withNothingSentSinceTheProcessStartedTheGroupReadsOnlyWhatComesNext() {
        String topic = "callbook.common-test.since-start." + UUID.randomUUID();
        send(topic, "long before", processStart.minus(Duration.ofHours(1)));

        try (KafkaConsumer<String, String> consumer = consumer(topic)) {
            assertEquals(List.of(), ListenedConsumers.readUntilAssigned(consumer));
            send(topic, "after joining", Instant.now());
            assertEquals(List.of("after joining"), ListenedConsumers.readUntilSomething(consumer));
        }
    }

    private KafkaConsumer<String, String> consumer(String topic) {
        return ListenedConsumers.consumer(topic, "common-test-" + UUID.randomUUID(),
                new SinceProcessStart(processStart));
    }
}
