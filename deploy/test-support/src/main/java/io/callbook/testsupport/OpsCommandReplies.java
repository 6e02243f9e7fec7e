package io.callbook.testsupport;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * An ops command sent as perf-ops sends it and a service's reply to it, read back from the ops topic. A replica reads
 * ops commands from the latest offset in a consumer group of its own, so a command sent while its consumer rejoins the
 * group (after a broker restart, say) is never seen there, and perf-ops reports that replica as not answering. A test
 * of the reply therefore sends the command again, under a new id, until a reply to one of them comes.
 */
public final class OpsCommandReplies {

    private static final Duration RESEND_AFTER = Duration.ofSeconds(20);
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private OpsCommandReplies() {
    }

    /**
     * @param replyType the reply's {@code ce_type}; a reply is keyed with its command's id
     * @param listening whether the service's consumer of commands would see one sent now (common's
     *                  {@code ConsumerReadiness}); waited for first, as a command sent before is never seen
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
                Set<String> sent = new HashSet<>();
                while (System.nanoTime() < deadline) {
                    UUID commandId = UUID.randomUUID();
                    send.apply(commandId).toCompletableFuture().get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    sent.add(commandId.toString());
                    long resendAt = Math.min(deadline, System.nanoTime() + RESEND_AFTER.toNanos());
                    while (System.nanoTime() < resendAt) {
                        Optional<ConsumerRecord<String, String>> reply = records.getRecords().stream()
                                .filter(record -> sent.contains(record.key()))
                                .filter(record -> replyType.equals(header(record, "ce_type")))
                                .findFirst();
                        if (reply.isPresent()) {
                            return reply.get();
                        }
                        Thread.sleep(100);
                    }
                }
                throw new AssertionError("No " + replyType + " reply to any of the commands " + sent + " within "
                        + timeout);
            } finally {
                records.stop();
            }
        }
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
