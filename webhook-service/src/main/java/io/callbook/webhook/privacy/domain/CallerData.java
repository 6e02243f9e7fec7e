package io.callbook.webhook.privacy.domain;

import io.callbook.common.phone.PhoneNumberNormalizer;
import io.callbook.webhook.calls.domain.Call;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** What this service holds about one caller, for the export of their data (GDPR Art. 15): the calls from the number. */
@ApplicationScoped
public class CallerData {

    private final PhoneNumberNormalizer numbers;

    public CallerData(PhoneNumberNormalizer numbers) {
        this.numbers = numbers;
    }

    /** @param region the region a national number is read in */
    public List<Call> callsFrom(UUID companyId, String phone, String region) {
        String e164 = numbers.normalize(phone, region).e164();
        return Call.<Call>find("companyId = ?1 and fromNumber = ?2 order by id", companyId, e164).list();
    }
}
