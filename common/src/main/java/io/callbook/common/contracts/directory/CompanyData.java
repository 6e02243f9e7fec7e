package io.callbook.common.contracts.directory;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.UUID;

@RegisterForReflection
public record CompanyData(UUID id, String name, String defaultRegion, boolean active) {
}
