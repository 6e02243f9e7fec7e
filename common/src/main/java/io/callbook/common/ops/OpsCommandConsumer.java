package io.callbook.common.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.contracts.ops.CachesWarmed;
import io.callbook.common.contracts.ops.OpsEvents;
import io.callbook.common.contracts.ops.WarmCaches;
import io.callbook.common.events.IncomingEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Ops commands, in every service and on every replica: each replica reads the topic in a consumer group of its own
 * from the latest offset (common's config), so every replica acts on every command sent while it runs and a
 * (re)started replica never replays old ones; the group's commits keep a rejoin from skipping or repeating one.
 * Replies on the same topic are not for services and are skipped; so is a command whose {@code replyBy} has passed,
 * since nobody waits for its answer any more.
 */
@ApplicationScoped
public class OpsCommandConsumer {

    private static final Logger LOG = Logger.getLogger(OpsCommandConsumer.class);
    private static final long REPLY_SEND_TIMEOUT_SECONDS = 10;

    private final CacheWarmers warmers;
    private final OpsPublisher publisher;
    private final ThisReplica replica;
    private final ObjectMapper json;

    public OpsCommandConsumer(CacheWarmers warmers, OpsPublisher publisher, ThisReplica replica, ObjectMapper json) {
        this.warmers = warmers;
        this.publisher = publisher;
        this.replica = replica;
        this.json = json;
    }

    @Incoming("ops-commands")
    @Blocking
    public CompletionStage<Void> onOpsEvent(Message<String> message) {
        IncomingEvent event = IncomingEvent.of(message);
        try {
            if (OpsEvents.WARM_CACHES.equals(event.type())) {
                warmCaches(json.readValue(event.data(), WarmCaches.class));
            } else if (OpsEvents.isCommand(event.type())) {
                LOG.debugf("Ops command %s (%s) is not one this version knows; skipped", event.id(), event.type());
            }
        } catch (Exception e) {
            LOG.errorf(e, "Could not carry out ops command %s (%s)", event.id(), event.type());
        }
        return message.ack();
    }

    private void warmCaches(WarmCaches command) throws Exception {
        if (command.replyBy() != null && Instant.now().isAfter(command.replyBy())) {
            LOG.infof("Ops command %s arrived after its reply-by time %s; skipped", command.commandId(), command.replyBy());
            return;
        }
        LOG.infof("Warming caches for %s (command %s)", command.requestedBy(), command.commandId());
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        List<CachesWarmed.Cache> caches = warmers.warmAll();
        CachesWarmed reply = new CachesWarmed(command.commandId(), replica.service(), replica.id(), replica.host(),
                replica.addresses(), startedAt, (System.nanoTime() - start) / 1_000_000, caches);
        publisher.send(OpsEvents.CACHES_WARMED, command.commandId(), reply).toCompletableFuture()
                .get(REPLY_SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
