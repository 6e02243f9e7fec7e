package io.callbook.webhook.inbound.infra;

import io.callbook.webhook.inbound.domain.InboundProcessor;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Retries that fall due, replays, and webhooks another replica accepted but did not process (it stopped) are found
 * by polling the inbox; webhooks this replica accepts wake its worker at once.
 */
@ApplicationScoped
public class InboxPoller {

    private final InboundProcessor processor;

    public InboxPoller(InboundProcessor processor) {
        this.processor = processor;
    }

    @Scheduled(every = "${callbook.webhook.processing.poll-interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        processor.wake();
    }
}
