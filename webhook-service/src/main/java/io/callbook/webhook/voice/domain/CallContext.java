package io.callbook.webhook.voice.domain;

import java.util.Locale;
import java.util.UUID;

/**
 * The call a voice function runs in, as the provider describes it.
 *
 * @param fromNumber E.164, or {@code anonymous} when the caller withholds it
 */
public record CallContext(UUID companyId, UUID integrationId, String callId, String fromNumber, String toNumber) {

    /** The caller's number, unless withheld. */
    public String callerNumber() {
        return usable(fromNumber);
    }

    static String usable(String phone) {
        if (phone == null || phone.isBlank() || phone.strip().toLowerCase(Locale.ROOT).equals("anonymous")) {
            return null;
        }
        return phone.strip();
    }
}
