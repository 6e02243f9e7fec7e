package io.callbook.common.events;

import io.callbook.devstack.Devstack;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Plain Kafka clients on the devstack's broker, for the tests of the channels' rebalance listeners. */
final class ListenedConsumers {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private ListenedConsumers() {
    }

    /** Configured as the channels are: from the latest offset, no automatic commits (the connector commits). */
    static KafkaConsumer<String, String> consumer(String topic, String group, KafkaConsumerRebalanceListener listener) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.shared().kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                listener.onPartitionsAssigned(consumer, partitions);
            }

            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            }
        });
        return consumer;
    }

    /** What the consumer read until it was given its partitions. */
    static List<String> readUntilAssigned(KafkaConsumer<String, String> consumer) {
        return readUntil(consumer, read -> !consumer.assignment().isEmpty());
    }

    static List<String> readUntilSomething(KafkaConsumer<String, String> consumer) {
        return readUntil(consumer, read -> !read.isEmpty());
    }

    private static List<String> readUntil(KafkaConsumer<String, String> consumer, Predicate<List<String>> done) {
        List<String> read = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(message -> read.add(message.value()));
            return done.test(read);
        });
        return read;
    }

    static void send(String topic, String value, Instant sentAt) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.shared().kafkaBootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, null, sentAt.toEpochMilli(), "key", value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }
}
