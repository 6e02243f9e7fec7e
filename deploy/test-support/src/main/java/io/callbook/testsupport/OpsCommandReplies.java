package io.callbook.testsupport;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * An ops command sent as perf-ops sends it and a service's reply to it, read back from the ops topic. A replica reads
 * ops commands from the latest offset in a consumer group of its own, so the command is sent only once the service's
 * consumer would see it.
 */
public final class OpsCommandReplies {

    private static final long SEND_TIMEOUT_SECONDS = 30;

    private OpsCommandReplies() {
    }

    /**
     * @param replyType the reply's {@code ce_type}; a reply is keyed with its command's id
     * @param listening whether the service's consumer of commands would see one sent now (common's
     *                  {@code ConsumerReadiness})
     * @param send      sends the command with the given id, e.g. through common's {@code OpsPublisher}
     */
    public static ConsumerRecord<String, String> awaitReply(String bootstrapServers, String topic, String replyType,
                                                            BooleanSupplier listening,
                                                            Function<UUID, CompletionStage<?>> send, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!listening.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The service did not listen for commands within " + timeout);
            }
            Thread.sleep(100);
        }
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            ConsumerTask<String, String> records = kafka.consumeStrings().fromTopics(topic);
            try {
                UUID commandId = UUID.randomUUID();
                send.apply(commandId).toCompletableFuture().get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                Optional<ConsumerRecord<String, String>> reply;
                while ((reply = replyTo(records, commandId, replyType)).isEmpty()) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("No " + replyType + " reply to command " + commandId + " within "
                                + timeout);
                    }
                    Thread.sleep(100);
                }
                return reply.get();
            } finally {
                records.stop();
            }
        }
    }

    private static Optional<ConsumerRecord<String, String>> replyTo(ConsumerTask<String, String> records,
                                                                    UUID commandId, String replyType) {
        return records.getRecords().stream()
                .filter(record -> commandId.toString().equals(record.key()))
                .filter(record -> replyType.equals(header(record, "ce_type")))
                .findFirst();
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
