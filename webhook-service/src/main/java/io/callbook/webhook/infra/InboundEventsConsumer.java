package io.callbook.webhook.infra;

import io.callbook.webhook.domain.InboundProcessor;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * An accepted-webhook event on Kafka means "there is work": the worker drains the inbox, most urgent first. Retries
 * that fall due, replays, and events accepted while Kafka was away are picked up by the poll.
 */
@ApplicationScoped
public class InboundEventsConsumer {

    private final InboundProcessor processor;

    public InboundEventsConsumer(InboundProcessor processor) {
        this.processor = processor;
    }

    @Incoming("inbound-webhooks")
    @Blocking
    public CompletionStage<Void> onAccepted(Message<String> message) {
        processor.drainSoon();
        return message.ack();
    }

    @Scheduled(every = "${callbook.webhook.processing.poll-interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        processor.drainSoon();
    }
}
