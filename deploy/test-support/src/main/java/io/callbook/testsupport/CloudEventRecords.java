package io.callbook.testsupport;

import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A Callbook event as it travels between services, for tests that play the producing service's part: CloudEvents 1.0
 * in binary mode, the event's JSON as the record's value, its envelope in {@code ce_*} headers and the aggregate id as
 * the key and subject, as common's {@code CloudEventMessages} writes them.
 */
public final class CloudEventRecords {

    private CloudEventRecords() {
    }

    /**
     * @param key    the aggregate id: one aggregate's events stay in order on one partition
     * @param source the producing service, e.g. {@code /callbook/resolver}
     */
    public static ProducerRecord<String, String> record(String topic, String key, String eventId, String type,
                                                        String source, UUID tenant, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(eventId))
                .add("ce_type", bytes(type))
                .add("ce_source", bytes(source))
                .add("ce_subject", bytes(key))
                .add("ce_time", bytes(Instant.now().toString()))
                .add("ce_tenant", bytes(tenant.toString()))
                .add("content-type", bytes("application/json"));
        return record;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
