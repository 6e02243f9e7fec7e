package io.callbook.resolver.domain;

import io.callbook.common.phone.PhoneNumberNormalizer;
import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PhoneNumberService {

    private final BranchService branches;
    private final PhoneNumberNormalizer normalizer;
    private final DirectoryEventPublisher events;

    public PhoneNumberService(BranchService branches, PhoneNumberNormalizer normalizer, DirectoryEventPublisher events) {
        this.branches = branches;
        this.normalizer = normalizer;
        this.events = events;
    }

    /** Numbers typed in national format are read with the branch's phone region. */
    @Transactional
    public PhoneNumber assign(UUID companyId, UUID branchId, String number, String label) {
        Branch branch = branches.get(companyId, branchId);
        String e164 = normalizer.normalize(number, branch.phoneRegion).e164();
        PhoneNumber.<PhoneNumber>find("e164 = ?1 and releasedAt is null", e164).firstResultOptional()
                .ifPresent(existing -> {
                    throw new ProblemException(Problem.of(409, "number-assigned", "Number already assigned",
                            e164 + " is already assigned" + (existing.companyId.equals(companyId)
                                    ? " (phone number " + existing.id + ")" : " to another company")));
                });
        PhoneNumber assigned = new PhoneNumber();
        assigned.companyId = companyId;
        assigned.branchId = branch.id;
        assigned.e164 = e164;
        assigned.label = label;
        assigned.persist();
        events.phoneNumberChanged(assigned, null);
        return assigned;
    }

    public PhoneNumber get(UUID companyId, UUID id) {
        return PhoneNumber.<PhoneNumber>find("id = ?1 and companyId = ?2 and releasedAt is null", id, companyId)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Phone number " + id));
    }

    public List<PhoneNumber> list(UUID companyId, UUID branchId, UUID after, int limit) {
        StringBuilder query = new StringBuilder("companyId = :company and releasedAt is null");
        var params = new java.util.HashMap<String, Object>();
        params.put("company", companyId);
        if (branchId != null) {
            query.append(" and branchId = :branch");
            params.put("branch", branchId);
        }
        if (after != null) {
            query.append(" and id > :after");
            params.put("after", after);
        }
        return PhoneNumber.<PhoneNumber>find(query.append(" order by id").toString(), params).page(0, limit + 1).list();
    }

    /** Moving a number to another branch takes effect on every resolver within a second (by event). */
    @Transactional
    public PhoneNumber update(UUID companyId, UUID id, UUID branchId, String label, Boolean active) {
        PhoneNumber number = get(companyId, id);
        UUID previousBranch = null;
        if (branchId != null && !branchId.equals(number.branchId)) {
            previousBranch = number.branchId;
            number.branchId = branches.get(companyId, branchId).id;
        }
        if (label != null) {
            number.label = label;
        }
        if (active != null) {
            number.active = active;
        }
        events.phoneNumberChanged(number, previousBranch);
        return number;
    }

    /** The number is free for any company afterwards; the row stays as history. */
    @Transactional
    public void release(UUID companyId, UUID id) {
        PhoneNumber number = get(companyId, id);
        number.releasedAt = Instant.now();
        number.active = false;
        events.phoneNumberChanged(number, null);
    }
}
