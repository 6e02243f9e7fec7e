package io.callbook.common.contracts.directory;

import java.util.UUID;

public record CompanyData(UUID id, String name, String defaultRegion, boolean active) {
}
