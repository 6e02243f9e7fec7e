package io.callbook.common.contracts.directory;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.UUID;

/** {@code previousBranchId} is set when a number moved, so consumers can drop what they cached for the old branch. */
@RegisterForReflection
public record PhoneNumberData(UUID id, UUID companyId, UUID branchId, String e164, String label, boolean active,
                              UUID previousBranchId) {
}
