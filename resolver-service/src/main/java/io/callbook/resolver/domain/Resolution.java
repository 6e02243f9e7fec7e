package io.callbook.resolver.domain;

import java.util.UUID;

/** What the voice agent needs to know about a dialled number before it speaks. */
public record Resolution(String number, UUID companyId, String companyName, UUID branchId, String branchName,
                         String timeZone, String locale, boolean active) {
}
