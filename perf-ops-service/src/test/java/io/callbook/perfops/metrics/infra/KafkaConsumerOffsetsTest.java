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
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestProfile(SelfScrapeProfile.class)
class KafkaConsumerOffsetsTest {

    @Inject
    KafkaConsumerOffsets offsets;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aGroupsLagIsWhatItHasNotReadOfItsPartitions() throws Exception {
        String topic = "ops-lag-test-" + UUID.randomUUID();
        String group = "ops-lag-test-" + UUID.randomUUID();
        Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(topic, 0, "k", "v" + i)).get();
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(2)))
                    .all().get();
        }

        ConsumerOffsets.Group read = await().atMost(Duration.ofSeconds(60)).until(() -> offsets.read().stream()
                .filter(candidate -> candidate.group().equals(group)).findFirst().orElse(null), found -> found != null);

        assertEquals(3, ConsumerLag.lag(read.committed(), read.ends()));
        assertEquals("perf-ops", new ConsumerLag(java.util.List.of("ops-=perf-ops")).serviceOf(group));
    }
}
