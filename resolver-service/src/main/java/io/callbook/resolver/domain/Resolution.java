package io.callbook.resolver.domain;

import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What the voice agent needs to know about a dialled number before it speaks. */
@RegisterForReflection // also read and written as JSON by the Redis cache level
public record Resolution(String number, UUID companyId, String companyName, UUID branchId, String branchName,
                         String timeZone, String locale, boolean active) {
}
