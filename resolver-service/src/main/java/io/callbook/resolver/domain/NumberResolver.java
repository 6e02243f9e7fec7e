package io.callbook.resolver.domain;

import io.callbook.common.ops.WarmingPace;
import io.callbook.common.phone.PhoneNumberNormalizer;
import io.callbook.common.phone.InvalidPhoneNumberException;
import io.callbook.common.cache.TwoLevelCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Dialled number → company and branch. The hot path of the product: an in-process hit costs
 * microseconds; a miss reads Redis, then one indexed join in PostgreSQL. Unknown numbers are
 * cached as absent, and directory events drop entries the moment an assignment changes.
 */
@ApplicationScoped
public class NumberResolver {

    private static final String RESOLUTION_QUERY = """
            select p.e164 as number, c.id as companyId, c.name as companyName, b.id as branchId, b.name as branchName,
                   b.time_zone as timeZone, b.locale as locale,
                   (p.active and b.active and b.deleted_at is null and c.active and c.deleted_at is null) as active
            from phone_numbers p
            join branches b on b.id = p.branch_id
            join companies c on c.id = p.company_id
            where p.released_at is null""";

    private static final Logger LOG = Logger.getLogger(NumberResolver.class);
    private static final int WARM_CHUNK = 100;
    private static final WarmingPace PACE = WarmingPace.quarterOfACore();

    private final PhoneNumberNormalizer normalizer;
    private final TwoLevelCache<Resolution> cache;
    private final EntityManager entityManager;
    private final ResolverConfig config;

    public NumberResolver(PhoneNumberNormalizer normalizer, TwoLevelCache<Resolution> cache, EntityManager entityManager,
                          ResolverConfig config) {
        this.normalizer = normalizer;
        this.cache = cache;
        this.entityManager = entityManager;
        this.config = config;
    }

    /**
     * @param region used only for national-format input
     * @throws InvalidPhoneNumberException for anonymous or malformed input
     * @throws RecordNotFound for a number no company has
     */
    public CompletionStage<Resolution> resolve(String input, String region) {
        String e164 = normalizer.normalize(input, region).e164();
        return cache.getAsync(e164, this::load)
                .thenApply(found -> found.orElseThrow(() -> new RecordNotFound("No company answers " + e164 + "; number")));
    }

    /** Drops what any cache level holds for these numbers; called on directory events. */
    public void forget(List<String> e164Numbers) {
        e164Numbers.forEach(cache::invalidate);
    }

    /** Empties the caches, e.g. before a cold-cache benchmark. */
    public void forgetAll() {
        cache.invalidateAll();
    }

    /** Assigned numbers, newest first, at most {@code limit}. */
    public List<String> newestNumbers(int limit) {
        return entityManager.createQuery("select p.e164 from PhoneNumber p where p.releasedAt is null order by p.id desc",
                String.class).setMaxResults(limit).getResultList();
    }

    public List<String> numbersOfBranch(UUID branchId) {
        return entityManager.createQuery("select p.e164 from PhoneNumber p where p.branchId = ?1 and p.releasedAt is null",
                String.class).setParameter(1, branchId).getResultList();
    }

    public List<String> numbersOfCompany(UUID companyId) {
        return entityManager.createQuery("select p.e164 from PhoneNumber p where p.companyId = ?1", String.class)
                .setParameter(1, companyId).getResultList();
    }

    /**
     * Loads the assigned numbers into both cache levels with one query, {@value #WARM_CHUNK} at a time with a rest
     * after each ({@link WarmingPace}: callers are served meanwhile), for no longer than
     * {@link ResolverConfig#warmBudget()}: numbers left over are loaded by their first caller. Returns how many were
     * loaded.
     */
    public int warm() {
        Duration budget = config.warmBudget();
        List<Object[]> rows = rows(entityManager.createNativeQuery(RESOLUTION_QUERY).getResultList());
        List<List<Object[]>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += WARM_CHUNK) {
            chunks.add(rows.subList(from, Math.min(from + WARM_CHUNK, rows.size())));
        }
        WarmingPace.Progress progress = PACE.workThrough(chunks, budget, chunk -> {
            chunk.forEach(row -> {
                Resolution resolution = toResolution(row);
                cache.put(resolution.number(), Optional.of(resolution));
            });
            return chunk.size();
        });
        if (progress.piecesLeft() > 0) {
            LOG.warnf("Resolution warm-up stopped at its budget of %s: %d of %d numbers loaded, the rest on first call",
                    budget, progress.entries(), rows.size());
        }
        return progress.entries();
    }

    // A miss is loaded on a worker thread that has no request context of its own.
    @ActivateRequestContext
    Optional<Resolution> load(String e164) {
        List<Object[]> rows = rows(entityManager.createNativeQuery(RESOLUTION_QUERY + " and p.e164 = :e164")
                .setParameter("e164", e164)
                .getResultList());
        return rows.stream().findFirst().map(NumberResolver::toResolution);
    }

    // Rows without a result class: Hibernate 7.2 caches a native query mapped to a class once per execution.
    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> rows) {
        return (List<Object[]>) rows;
    }

    /** The columns of RESOLUTION_QUERY, in its order. */
    private static Resolution toResolution(Object[] row) {
        return new Resolution((String) row[0], (UUID) row[1], (String) row[2], (UUID) row[3], (String) row[4],
                (String) row[5], (String) row[6], (Boolean) row[7]);
    }
}
