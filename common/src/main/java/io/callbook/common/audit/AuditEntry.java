package io.callbook.common.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One recorded admin action; {@code companyId} is null for platform-wide actions. */
public record AuditEntry(UUID id, Instant occurredAt, String action, UUID companyId, String actor, String subject,
                         Map<String, Object> details, String requestId) {
}
