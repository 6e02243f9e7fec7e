package io.callbook.webhook.voice.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/** The companies' voice policies; a company that never set one has the default ({@link VoicePolicy}). */
@ApplicationScoped
public class VoicePolicies {

    private final EntityManager entityManager;

    public VoicePolicies(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public VoicePolicy get(UUID companyId) {
        VoicePolicy policy = entityManager.find(VoicePolicy.class, companyId);
        return policy == null ? VoicePolicy.defaults(companyId) : policy;
    }

    public boolean otherNumbersAllowed(UUID companyId) {
        return get(companyId).otherNumbersAllowed;
    }

    /** One statement, so two admins setting it at once both succeed and the last one wins. */
    @Transactional
    public VoicePolicy set(UUID companyId, boolean otherNumbersAllowed) {
        Instant now = Instant.now();
        entityManager.createNativeQuery("""
                        insert into voice_policies (company_id, other_numbers_allowed, updated_at)
                        values (:company, :allowed, :now)
                        on conflict (company_id) do update
                        set other_numbers_allowed = excluded.other_numbers_allowed, updated_at = excluded.updated_at""")
                .setParameter("company", companyId)
                .setParameter("allowed", otherNumbersAllowed)
                .setParameter("now", now)
                .executeUpdate();
        VoicePolicy policy = VoicePolicy.defaults(companyId);
        policy.otherNumbersAllowed = otherNumbersAllowed;
        policy.updatedAt = now;
        return policy;
    }
}
