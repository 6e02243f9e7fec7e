package io.callbook.webhook.live.domain;

import io.callbook.common.contracts.webhook.CallActivityEvents.Activity;

/** Where live activity goes: to every replica's live view, at once, and nowhere else (nothing is stored). */
public interface ActivityChannel {

    /** Hands the activity over without waiting for it to arrive; one that cannot be sent is dropped. */
    void send(Activity activity);
}
