package io.callbook.common.ops;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Map;

/**
 * Whether a Kafka channel reading from the latest offset would see a message sent now. A new consumer group reads
 * only what arrives after it was given its partitions and looked up their ends; a command or reply sent before that
 * is never seen. Asking for the positions makes the consumer look them up at once.
 */
public final class ConsumerReadiness {

    private ConsumerReadiness() {
    }

    /** True once the channel's consumer has partitions and knows its position in each; false while it waits. */
    public static boolean positioned(KafkaClientService clients, String channel, Duration wait) {
        KafkaConsumer<Object, Object> consumer = clients.getConsumer(channel);
        if (consumer == null) {
            return false;
        }
        try {
            Map<TopicPartition, Long> positions = consumer.getPositions().await().atMost(wait);
            return !positions.isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
