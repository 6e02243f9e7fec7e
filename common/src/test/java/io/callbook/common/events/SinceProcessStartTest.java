package io.callbook.common.events;

import io.callbook.devstack.Devstack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A consumer group of the process's own, as the resolver's cache invalidation uses, against the devstack's real
 * Kafka: it joins after messages were sent and must still read those sent since the process started.
 */
class SinceProcessStartTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private final Instant processStart = Instant.now().minus(Duration.ofMinutes(10));

    @Test
    void aGroupJoiningLateReadsWhatWasSentSinceTheProcessStartedAndNothingBefore() {
        String topic = "callbook.common-test.since-start." + UUID.randomUUID();
        send(topic, "before the process", processStart.minus(SinceProcessStart.CLOCK_MARGIN).minusSeconds(60));
        send(topic, "while the group joined", processStart.plusSeconds(1));

        try (KafkaConsumer<String, String> consumer = consumer(topic)) {
            List<String> read = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(message -> read.add(message.value()));
                return !read.isEmpty();
            });
            assertEquals(List.of("while the group joined"), read);
        }
    }

    @Test
    void withNothingSentSinceTheProcessStartedTheGroupReadsOnlyWhatComesNext() {
        String topic = "callbook.common-test.since-start." + UUID.randomUUID();
        send(topic, "long before", processStart.minus(Duration.ofHours(1)));

        try (KafkaConsumer<String, String> consumer = consumer(topic)) {
            List<String> read = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(message -> read.add(message.value()));
                return !consumer.assignment().isEmpty();
            });
            send(topic, "after joining", Instant.now());
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(message -> read.add(message.value()));
                return !read.isEmpty();
            });
            assertEquals(List.of("after joining"), read);
        }
    }

    private KafkaConsumer<String, String> consumer(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.shared().kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "common-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        SinceProcessStart sinceStart = new SinceProcessStart(processStart);
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                sinceStart.onPartitionsAssigned(consumer, partitions);
            }

            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            }
        });
        return consumer;
    }

    private static void send(String topic, String value, Instant sentAt) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.shared().kafkaBootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, null, sentAt.toEpochMilli(), "key", value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }
}
