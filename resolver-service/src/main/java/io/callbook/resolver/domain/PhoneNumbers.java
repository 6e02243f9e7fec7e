package io.callbook.resolver.domain;

import io.callbook.common.api.BatchItems;
import io.callbook.common.persistence.UniqueViolations;
import io.callbook.common.phone.InvalidPhoneNumberException;
import io.callbook.common.phone.PhoneNumberNormalizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

@ApplicationScoped
public class PhoneNumbers {

    private final Companies companies;
    private final Branches branches;
    private final PhoneNumberNormalizer normalizer;
    private final DirectoryEventPublisher events;

    public PhoneNumbers(Companies companies, Branches branches, PhoneNumberNormalizer normalizer,
                        DirectoryEventPublisher events) {
        this.companies = companies;
        this.branches = branches;
        this.normalizer = normalizer;
        this.events = events;
    }

    /** One number of a batch, as the client sent it; national formats are read with the branch's phone region. */
    public record NumberAssignment(String number, UUID branchId, String label) {
    }

    /** Numbers typed in national format are read with the branch's phone region. */
    @Transactional
    public PhoneNumber assign(UUID companyId, UUID branchId, String number, String label) {
        Branch branch = branches.get(companyId, branchId);
        String e164 = normalizer.normalize(number, branch.phoneRegion).e164();
        PhoneNumber.<PhoneNumber>find("e164 = ?1 and releasedAt is null", e164).firstResultOptional()
                .ifPresent(existing -> {
                    throw NumberAlreadyAssigned.of(existing, companyId);
                });
        PhoneNumber assigned = newNumber(companyId, branch.id, e164, label);
        assigned.persist();
        events.phoneNumberChanged(assigned, null);
        return assigned;
    }

    /**
     * All or nothing: every item is checked before any is written, then one transaction assigns them all, each with
     * its directory event, so consumers see the same events as for single assignments.
     *
     * @param items the batch, its size checked already against {@link ResolverConfig#maxImportBatchSize()}; items
     *              the API ruled out are left out of the checks here
     * @throws RecordNotFound for an unknown company
     * @throws InvalidBatch if any item is invalid (an unknown branch, a number that is none, one given
     *                               twice), or the API ruled one out
     * @throws BatchConflict naming the items whose numbers are assigned already
     */
    @Transactional
    public List<PhoneNumber> assignBatch(UUID companyId, BatchItems<NumberAssignment> items) {
        companies.get(companyId);
        Map<UUID, Branch> branchesById = branches.byIds(companyId,
                items.validInputs().stream().map(NumberAssignment::branchId).toList());
        SortedMap<Integer, RuntimeException> failures = new TreeMap<>();
        Map<String, Integer> itemOfNumber = new HashMap<>();
        String[] e164s = new String[items.size()];
        for (int i : items.validIndexes()) {
            NumberAssignment item = items.get(i);
            Branch branch = branchesById.get(item.branchId());
            if (branch == null) {
                failures.put(i, new RecordNotFound("Branch " + item.branchId()));
                continue;
            }
            try {
                e164s[i] = normalizer.normalize(item.number(), branch.phoneRegion).e164();
            } catch (InvalidPhoneNumberException e) {
                failures.put(i, e);
                continue;
            }
            Integer earlier = itemOfNumber.putIfAbsent(e164s[i], i);
            if (earlier != null) {
                failures.put(i, new DuplicateNumber(e164s[i], earlier));
            }
        }
        if (!failures.isEmpty() || items.validIndexes().size() < items.size()) {
            throw new InvalidBatch(failures);
        }
        requireUnassigned(companyId, itemOfNumber);

        List<PhoneNumber> assigned = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            PhoneNumber number = newNumber(companyId, items.get(i).branchId(), e164s[i], items.get(i).label());
            number.persist();
            assigned.add(number);
        }
        flushBatch(itemOfNumber);
        assigned.forEach(number -> events.phoneNumberChanged(number, null));
        return assigned;
    }

    /** One query for the whole batch; every item whose number is taken is named. */
    private void requireUnassigned(UUID companyId, Map<String, Integer> itemOfNumber) {
        SortedMap<Integer, NumberAlreadyAssigned> taken = new TreeMap<>();
        PhoneNumber.<PhoneNumber>find("e164 in ?1 and releasedAt is null", itemOfNumber.keySet()).list()
                .forEach(existing -> taken.put(itemOfNumber.get(existing.e164),
                        NumberAlreadyAssigned.of(existing, companyId)));
        if (!taken.isEmpty()) {
            throw new BatchConflict(taken);
        }
    }

    /** A concurrent request may assign a number between the check and the insert: its unique index names it. */
    private static void flushBatch(Map<String, Integer> itemOfNumber) {
        try {
            PhoneNumber.flush();
        } catch (PersistenceException e) {
            Optional<String> e164 = UniqueViolations.collidingKey(e);
            Integer item = e164.map(itemOfNumber::get).orElseThrow(() -> e);
            throw new BatchConflict(new TreeMap<>(Map.of(item,
                    NumberAlreadyAssigned.concurrently(e164.get()))));
        }
    }

    private static PhoneNumber newNumber(UUID companyId, UUID branchId, String e164, String label) {
        PhoneNumber number = new PhoneNumber();
        number.companyId = companyId;
        number.branchId = branchId;
        number.e164 = e164;
        number.label = label;
        return number;
    }

    public PhoneNumber get(UUID companyId, UUID id) {
        return PhoneNumber.<PhoneNumber>find("id = ?1 and companyId = ?2 and releasedAt is null", id, companyId)
                .firstResultOptional()
                .orElseThrow(() -> new RecordNotFound("Phone number " + id));
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
