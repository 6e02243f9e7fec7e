package io.callbook.webhook.inbound.domain;

import java.util.UUID;

/** Only an event whose processing has ended (failed, dead or done) can be processed again. */
public class InboundEventNotReplayable extends RuntimeException {

    public InboundEventNotReplayable(UUID id, String status) {
        super("Inbound event " + id + " is " + status + "; only failed, dead or done events can be replayed", null, false, false);
    }
}
