package io.callbook.perfops.cache.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.contracts.ops.CachesWarmed;
import io.callbook.common.contracts.ops.OpsEvents;
import io.callbook.common.contracts.ops.WarmCaches;
import io.callbook.common.events.IncomingEvent;
import io.callbook.common.ops.ConsumerReadiness;
import io.callbook.common.ops.OpsPublisher;
import io.callbook.perfops.cache.domain.CommandNotSent;
import io.callbook.perfops.cache.domain.WarmCommands;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Warm-caches commands through common's ops publisher, and their replies from this replica's own reader of the ops
 * topic ({@code ops-results}: a group per replica from the latest offset, so the replica that sent a command sees
 * every reply to it). Replies to commands nobody here waits for (sent by another perf-ops replica, or too late) are
 * dropped.
 */
@ApplicationScoped
public class KafkaWarmCommands implements WarmCommands {

    private static final Logger LOG = Logger.getLogger(KafkaWarmCommands.class);
    private static final String CHANNEL = "ops-results";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

    private final OpsPublisher publisher;
    private final KafkaClientService kafkaClients;
    private final ObjectMapper json;
    private final Map<UUID, BlockingQueue<CachesWarmed>> waiting = new ConcurrentHashMap<>();

    public KafkaWarmCommands(OpsPublisher publisher, KafkaClientService kafkaClients, ObjectMapper json) {
        this.publisher = publisher;
        this.kafkaClients = kafkaClients;
        this.json = json;
    }

    @Override
    public Replies send(WarmCaches command, Duration listenTimeout) {
        awaitListening(listenTimeout);
        UUID id = command.commandId();
        BlockingQueue<CachesWarmed> inbox = new LinkedBlockingQueue<>();
        waiting.put(id, inbox);
        try {
            publisher.send(OpsEvents.WARM_CACHES, id, command).toCompletableFuture()
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            waiting.remove(id);
            Thread.currentThread().interrupt();
            throw new CommandNotSent("Interrupted while sending the warm-caches command", e);
        } catch (ExecutionException | TimeoutException e) {
            waiting.remove(id);
            throw new CommandNotSent("Kafka did not take the warm-caches command: " + e, e);
        }
        return new Replies() {
            @Override
            public Optional<CachesWarmed> next(Duration wait) throws InterruptedException {
                return Optional.ofNullable(inbox.poll(wait.toNanos(), TimeUnit.NANOSECONDS));
            }

            @Override
            public void close() {
                waiting.remove(id);
            }
        };
    }

    /** Replies arrive only once the reader has its partitions; a first run right after start would miss them. */
    private void awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ConsumerReadiness.positioned(kafkaClients, CHANNEL, Duration.ofSeconds(2))) {
            if (System.nanoTime() > deadline) {
                LOG.warnf("The ops reply reader is not listening after %s; sending the command anyway", timeout);
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Incoming(CHANNEL)
    public CompletionStage<Void> onOpsEvent(Message<String> message) {
        IncomingEvent event = IncomingEvent.of(message);
        if (OpsEvents.CACHES_WARMED.equals(event.type()) && !waiting.isEmpty()) {
            deliver(event);
        }
        return message.ack();
    }

    private void deliver(IncomingEvent event) {
        try {
            CachesWarmed reply = json.readValue(event.data(), CachesWarmed.class);
            BlockingQueue<CachesWarmed> inbox = waiting.get(reply.commandId());
            if (inbox != null) {
                inbox.add(reply);
            }
        } catch (Exception e) {
            LOG.warnf("Unreadable ops reply %s: %s", event.id(), e.toString());
        }
    }
}
