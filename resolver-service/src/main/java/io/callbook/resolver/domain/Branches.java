package io.callbook.resolver.domain;

import io.callbook.common.phone.PhoneNumberNormalizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class Branches {

    private final Companies companies;
    private final DirectoryEventPublisher events;
    private final PhoneNumberNormalizer numbers;

    public Branches(Companies companies, DirectoryEventPublisher events, PhoneNumberNormalizer numbers) {
        this.companies = companies;
        this.events = events;
        this.numbers = numbers;
    }

    /** Values not given are taken from the company (region) or sensible defaults. */
    @Transactional
    public Branch create(UUID companyId, String name, String timeZone, String locale, String phoneRegion) {
        Company company = companies.get(companyId);
        Branch branch = new Branch();
        branch.companyId = company.id;
        branch.name = name.strip();
        branch.timeZone = zone(timeZone);
        branch.phoneRegion = phoneRegion == null ? company.defaultRegion : numbers.region(phoneRegion);
        branch.locale = locale == null ? "und-" + branch.phoneRegion : locale(locale);
        branch.persist();
        events.branchChanged(branch);
        return branch;
    }

    public Branch get(UUID companyId, UUID branchId) {
        return Branch.<Branch>find("id = ?1 and companyId = ?2 and deletedAt is null", branchId, companyId)
                .firstResultOptional()
                .orElseThrow(() -> new RecordNotFound("Branch " + branchId));
    }

    /** The company's branches among these ids, by id; unknown and deleted ones are left out. */
    public Map<UUID, Branch> byIds(UUID companyId, Collection<UUID> branchIds) {
        if (branchIds.isEmpty()) {
            return Map.of();
        }
        return Branch.<Branch>find("companyId = ?1 and id in ?2 and deletedAt is null", companyId, Set.copyOf(branchIds))
                .list().stream().collect(Collectors.toMap(branch -> branch.id, branch -> branch));
    }

    public List<Branch> list(UUID companyId, UUID after, int limit) {
        return after == null
                ? Branch.<Branch>find("companyId = ?1 and deletedAt is null order by id", companyId).page(0, limit + 1).list()
                : Branch.<Branch>find("companyId = ?1 and deletedAt is null and id > ?2 order by id", companyId, after)
                        .page(0, limit + 1).list();
    }

    @Transactional
    public Branch update(UUID companyId, UUID branchId, String name, String timeZone, String locale, String phoneRegion,
                         Boolean active) {
        Branch branch = get(companyId, branchId);
        if (name != null) {
            branch.name = name.strip();
        }
        if (timeZone != null) {
            branch.timeZone = zone(timeZone);
        }
        if (locale != null) {
            branch.locale = locale(locale);
        }
        if (phoneRegion != null) {
            branch.phoneRegion = numbers.region(phoneRegion);
        }
        if (active != null) {
            branch.active = active;
        }
        events.branchChanged(branch);
        return branch;
    }

    /** A branch that still answers numbers cannot go: move or release them first. */
    @Transactional
    public void delete(UUID companyId, UUID branchId) {
        Branch branch = get(companyId, branchId);
        long assigned = PhoneNumber.count("branchId = ?1 and releasedAt is null", branchId);
        if (assigned > 0) {
            throw new BranchInUse(branchId, assigned);
        }
        branch.deletedAt = Instant.now();
        branch.active = false;
        events.branchChanged(branch);
    }

    private static String zone(String timeZone) {
        try {
            return ZoneId.of(timeZone).getId();
        } catch (DateTimeException e) {
            throw new InvalidTimeZone(timeZone);
        }
    }

    private static String locale(String tag) {
        try {
            return new Locale.Builder().setLanguageTag(tag).build().toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw new InvalidLocale(tag);
        }
    }
}
