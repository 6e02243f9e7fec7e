package io.callbook.loadtest.webhooks;

/**
 * The shares of the webhook bench's traffic; the rest are call events not sent before.
 *
 * @param repeatShare   call events sent again, as a provider retries (200 expected)
 * @param calendarShare calendar bookings (202 expected)
 */
public record WebhookMix(double repeatShare, double calendarShare) {

    public static final WebhookMix DEFAULT = new WebhookMix(0.02, 0.05);

    public WebhookMix {
        if (repeatShare < 0 || calendarShare < 0 || repeatShare + calendarShare > 1) {
            throw new IllegalArgumentException("Shares must be between 0 and 1 and add up to at most 1: " + this);
        }
    }
}
