package io.callbook.common.contracts.directory;

import java.util.UUID;

public record BranchData(UUID id, UUID companyId, String name, String timeZone, String locale, String phoneRegion,
                         boolean active) {
}
