package io.callbook.webhook.inbound.domain;

/**
 * What a webhook is and how it is recognised when the provider sends it again.
 *
 * @param known    false for an event type we do not process (stored as ignored)
 * @param key      the provider event identity the inbox is unique on
 * @param orderKey events with the same order key are processed in order (e.g. one call's events)
 * @param priority 0 first: live-call events before bookings before analytics
 * @param rescheduleUid for a calendar booking moved under a new uid, the uid it had before; otherwise null
 */
public record WebhookIdentity(String type, boolean known, String key, String orderKey, int priority,
                              String rescheduleUid) {
}
