package io.callbook.webhook.outbound.domain;

/** A delivery that is still under way or done, or whose endpoint is disabled, is not sent again. */
public class DeliveryNotReplayable extends RuntimeException {

    public DeliveryNotReplayable(String detail) {
        super(detail, null, false, false);
    }
}
