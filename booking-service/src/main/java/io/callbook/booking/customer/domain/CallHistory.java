package io.callbook.booking.customer.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The calls a phone number made to the company, as webhook-service's call log has them. */
public interface CallHistory {

    /** @throws CallHistoryUnavailable if the call log cannot be asked right now */
    List<CallRecord> callsFrom(UUID companyId, String e164);

    record CallRecord(UUID id, String callId, String fromNumber, String toNumber, UUID branchId, Instant startedAt,
                      Instant endedAt, Long durationMs, String disconnectionReason, String summary, String sentiment,
                      List<UUID> appointmentIds) {
    }
}
