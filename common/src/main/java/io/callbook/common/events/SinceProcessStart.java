package io.callbook.common.events;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Starts a channel of a consumer group of this process's own at the first message sent after the process started,
 * not at the end of the partition when the group is finally given it. A replica serves requests, and fills its
 * in-process caches, before Kafka has given its new group the partitions (a second or more on a busy box); a change
 * published in that gap would otherwise never reach the replica, which would answer from its stale cache until the
 * entry expires. Reading from the process's start can only repeat a change the replica has already seen, and the
 * channels that use this apply a change idempotently.
 * <p>
 * A partition the group has committed an offset for carries on from there; that is a rebalance, not a start. Kafka
 * stamps a message with its producer's clock, so the start is moved back by a margin against clocks apart.
 * Use it with {@code mp.messaging.incoming.<channel>.consumer-rebalance-listener.name=since-process-start}.
 */
@ApplicationScoped
@Identifier(SinceProcessStart.NAME)
public class SinceProcessStart implements KafkaConsumerRebalanceListener {

    public static final String NAME = "since-process-start";
    static final Duration CLOCK_MARGIN = Duration.ofSeconds(30);
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(SinceProcessStart.class);

    private final Instant readFrom;

    public SinceProcessStart() {
        this(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
    }

    SinceProcessStart(Instant processStart) {
        this.readFrom = processStart.minus(CLOCK_MARGIN);
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions), LOOKUP_TIMEOUT);
        Map<TopicPartition, Long> startTimes = new HashMap<>();
        for (TopicPartition partition : partitions) {
            if (committed.get(partition) == null) {
                startTimes.put(partition, readFrom.toEpochMilli());
            }
        }
        if (startTimes.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndTimestamp> firstSinceStart = consumer.offsetsForTimes(startTimes, LOOKUP_TIMEOUT);
        Set<TopicPartition> nothingSinceStart = new HashSet<>();
        for (TopicPartition partition : startTimes.keySet()) {
            OffsetAndTimestamp first = firstSinceStart.get(partition);
            if (first == null) {
                nothingSinceStart.add(partition);
            } else {
                consumer.seek(partition, first.offset());
            }
        }
        if (!nothingSinceStart.isEmpty()) {
            consumer.seekToEnd(nothingSinceStart);
        }
        LOG.infof("Reading %s from the messages sent since %s", startTimes.keySet(), readFrom);
    }
}
