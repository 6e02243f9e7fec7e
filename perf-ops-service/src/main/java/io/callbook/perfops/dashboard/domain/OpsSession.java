package io.callbook.perfops.dashboard.domain;

import java.time.Instant;
import java.util.Set;

/**
 * A signed-in dashboard user. The session is the token itself (kept in an HttpOnly cookie), so it ends when the token
 * expires and needs no server-side state shared between replicas.
 */
public record OpsSession(String token, String subject, Set<String> groups, Instant expiresAt) {
}
