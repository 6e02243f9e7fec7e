package io.callbook.common.contracts.directory;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.UUID;

@RegisterForReflection
public record BranchData(UUID id, UUID companyId, String name, String timeZone, String locale, String phoneRegion,
                         boolean active) {
}
