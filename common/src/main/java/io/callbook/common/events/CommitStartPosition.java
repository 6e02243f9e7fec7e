package io.callbook.common.events;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

/**
 * For a channel that reads from the latest offset in a consumer group of its process's own: commits the position a
 * partition starts at, the first time the group is given it. Without a committed offset, every later assignment starts
 * at the partition's end again, so a rejoin (after a broker restart, say) skipped what was sent while it lasted. With
 * it, a rejoin carries on from the last committed offset, and the channel must commit what it has processed (e.g.
 * {@code commit-strategy=latest}) so that a rejoin does not repeat it either.
 * <p>
 * When the commit fails the channel reads on as without this; a failure must not stop its consumer.
 * Use it with {@code mp.messaging.incoming.<channel>.consumer-rebalance-listener.name=commit-start-position}.
 */
@ApplicationScoped
@Identifier(CommitStartPosition.NAME)
public class CommitStartPosition implements KafkaConsumerRebalanceListener {

    public static final String NAME = "commit-start-position";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(CommitStartPosition.class);

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions), TIMEOUT);
            Map<TopicPartition, OffsetAndMetadata> starts = new HashMap<>();
            for (TopicPartition partition : partitions) {
                if (committed.get(partition) == null) {
                    starts.put(partition, new OffsetAndMetadata(consumer.position(partition, TIMEOUT)));
                }
            }
            if (!starts.isEmpty()) {
                consumer.commitSync(starts, TIMEOUT);
            }
        } catch (KafkaException e) {
            LOG.warnf("Could not commit where %s start; a rejoin may skip what is sent meanwhile: %s", partitions,
                    e.toString());
        }
    }
}
