package io.callbook.perfops.metrics.infra;

import io.callbook.perfops.metrics.domain.ConsumerLag;
import io.callbook.perfops.metrics.domain.ConsumerOffsets;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Consumer groups' committed offsets and their partitions' ends through Kafka's Admin API: one request lists the
 * groups, one per coordinating broker reads the offsets of all of them, one reads the ends of every partition any group
 * committed to. A Kafka that does not answer leaves the lag out of that collection rather than holding up the scrape.
 *
 * <p>Groups a gone replica left behind are not read: every start of a replica leaves its per-replica groups behind,
 * empty, and the broker keeps them for days (those with offsets a week by default), so a suite started often or
 * scaled up and down piles up hundreds. With 470 of them, reading each one's offsets at every scrape cost the broker
 * and this service 8 % of a core while the suite was idle.
 */
@ApplicationScoped
public class KafkaConsumerOffsets implements ConsumerOffsets {

    private static final Logger LOG = Logger.getLogger(KafkaConsumerOffsets.class);
    private static final long TIMEOUT_MS = 3000;

    private final String bootstrapServers;
    private Admin admin;

    public KafkaConsumerOffsets(@ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
                                String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public synchronized List<Group> read() {
        try {
            Admin client = admin();
            List<GroupListing> listings = client.listGroups(ListGroupsOptions.forConsumerGroups())
                    .all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).stream()
                    .filter(listing -> !ConsumerLag.isAbandoned(listing.groupId(), state(listing)))
                    .toList();
            if (listings.isEmpty()) {
                return List.of();
            }
            Map<String, ListConsumerGroupOffsetsSpec> everyGroup = new HashMap<>();
            listings.forEach(listing -> everyGroup.put(listing.groupId(), new ListConsumerGroupOffsetsSpec()));
            Map<String, Map<TopicPartition, OffsetAndMetadata>> offsetsByGroup = client
                    .listConsumerGroupOffsets(everyGroup).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
            Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
            for (GroupListing listing : listings) {
                Map<TopicPartition, Long> own = new HashMap<>();
                offsetsByGroup.getOrDefault(listing.groupId(), Map.of()).forEach((partition, offset) -> {
                    if (offset != null) {
                        own.put(partition, offset.offset());
                        partitions.put(partition, OffsetSpec.latest());
                    }
                });
                committed.put(listing.groupId(), own);
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = partitions.isEmpty() ? Map.of()
                    : client.listOffsets(partitions).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            List<Group> groups = new ArrayList<>();
            for (GroupListing listing : listings) {
                Map<String, Long> own = new HashMap<>();
                Map<String, Long> end = new HashMap<>();
                committed.get(listing.groupId()).forEach((partition, offset) -> {
                    own.put(partition.toString(), offset);
                    ListOffsetsResult.ListOffsetsResultInfo info = ends.get(partition);
                    if (info != null) {
                        end.put(partition.toString(), info.offset());
                    }
                });
                groups.add(new Group(listing.groupId(), state(listing), own, end));
            }
            return groups;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (Exception e) {
            LOG.debugf("Consumer lag not read from %s: %s", bootstrapServers, e.toString());
            return List.of();
        }
    }

    private static String state(GroupListing listing) {
        return listing.groupState().map(Object::toString).orElse("Unknown");
    }

    private Admin admin() {
        if (admin == null) {
            Properties properties = new Properties();
            properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "perf-ops-metrics");
            properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
            properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS * 2);
            admin = Admin.create(properties);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
