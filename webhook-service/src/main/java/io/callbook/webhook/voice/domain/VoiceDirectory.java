package io.callbook.webhook.voice.domain;

import java.util.Optional;
import java.util.UUID;

/** Which branch a dialled number reaches, as the directory (resolver-service) knows it. */
public interface VoiceDirectory {

    /**
     * @return empty when no branch of {@code companyId} answers the number
     * @throws RuntimeException when the directory cannot be asked in time (the caller answers with a fallback)
     */
    Optional<DialledBranch> resolve(UUID companyId, String number);

    record DialledBranch(String number, UUID companyId, String companyName, UUID branchId, String branchName,
                         String timeZone, String locale, boolean active) {
    }
}
