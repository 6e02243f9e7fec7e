package io.callbook.common.events;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A consumer group of the process's own reading from the latest offset, as the ops commands' channel does, against
 * the devstack's real Kafka. A rejoin is played by a second consumer of the same group after the first has gone,
 * which is what the group's member goes through when the broker restarts: its partitions are given to it anew.
 */
class CommitStartPositionTest {

    private final String topic = "callbook.common-test.start-position." + UUID.randomUUID();
    private final String group = "common-test-" + UUID.randomUUID();

    @BeforeEach
    void aTopicWithAMessageBeforeTheGroupStarts() {
        send(topic, "before the group started");
    }

    @Test
    void aGroupThatRejoinsReadsWhatWasSentWhileItWasAway() {
        try (KafkaConsumer<String, String> first = consumer()) {
            assertEquals(List.of(), ListenedConsumers.readUntilAssigned(first));
        }
        send(topic, "while it rejoined");
        try (KafkaConsumer<String, String> rejoined = consumer()) {
            assertEquals(List.of("while it rejoined"), ListenedConsumers.readUntilSomething(rejoined));
        }
    }

    @Test
    void aGroupThatRejoinsCarriesOnAfterWhatItCommitted() {
        try (KafkaConsumer<String, String> first = consumer()) {
            ListenedConsumers.readUntilAssigned(first);
            send(topic, "read and committed");
            assertEquals(List.of("read and committed"), ListenedConsumers.readUntilSomething(first));
            first.commitSync();
        }
        send(topic, "after the rejoin");
        try (KafkaConsumer<String, String> rejoined = consumer()) {
            assertEquals(List.of("after the rejoin"), ListenedConsumers.readUntilSomething(rejoined));
        }
    }

    private KafkaConsumer<String, String> consumer() {
        return ListenedConsumers.consumer(topic, group, new CommitStartPosition());
    }

    private static void send(String topic, String value) {
        ListenedConsumers.send(topic, value, Instant.now());
    }
}
