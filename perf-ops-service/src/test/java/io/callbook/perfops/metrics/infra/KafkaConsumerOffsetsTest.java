package io.callbook.perfops.metrics.infra;

import io.callbook.perfops.metrics.SelfScrapeProfile;
import io.callbook.perfops.metrics.domain.ConsumerLag;
import io.callbook.perfops.metrics.domain.ConsumerOffsets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(SelfScrapeProfile.class)
class KafkaConsumerOffsetsTest {

    @Inject
    KafkaConsumerOffsets offsets;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aGroupsLagIsWhatItHasNotReadOfItsPartitionsButAGoneReplicasGroupIsNotRead() throws Exception {
        String topic = "ops-lag-test-" + UUID.randomUUID();
        // Named like a service's own group: empty here, as a service's group is while the service is down.
        String group = "ops-lag-test-" + System.nanoTime();
        String goneReplicasGroup = "ops-lag-test-replica-" + UUID.randomUUID();
        Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(topic, 0, "k", "v" + i)).get();
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (String each : List.of(group, goneReplicasGroup)) {
                admin.alterConsumerGroupOffsets(each, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(2)))
                        .all().get();
            }
        }

        List<ConsumerOffsets.Group> groups = await().atMost(Duration.ofSeconds(60)).until(offsets::read,
                read -> read.stream().anyMatch(candidate -> candidate.group().equals(group)));

        ConsumerOffsets.Group read = groups.stream().filter(candidate -> candidate.group().equals(group))
                .findFirst().orElseThrow();
        assertEquals(3, ConsumerLag.lag(read.committed(), read.ends()));
        assertEquals("perf-ops", new ConsumerLag(List.of("ops-=perf-ops")).serviceOf(group));
        assertTrue(groups.stream().noneMatch(candidate -> candidate.group().equals(goneReplicasGroup)));
    }
}
