package io.callbook.webhook.voice.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * What a company allows its voice agent beyond the default. A company without a row has the default: the agent acts
 * only on the caller's own number.
 */
@Entity
@Table(name = "voice_policies")
public class VoicePolicy extends PanacheEntityBase {

    @Id
    @Column(name = "company_id")
    public UUID companyId;

    /** {@code find_customer} and {@code cancel_appointment} may act on a number the caller names. */
    @Column(name = "other_numbers_allowed", nullable = false)
    public boolean otherNumbersAllowed;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static VoicePolicy defaults(UUID companyId) {
        VoicePolicy policy = new VoicePolicy();
        policy.companyId = companyId;
        return policy;
    }
}
