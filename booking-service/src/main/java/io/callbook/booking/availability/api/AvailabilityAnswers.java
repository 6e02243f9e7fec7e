package io.callbook.booking.availability.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.callbook.booking.BookingConfig;
import io.callbook.booking.availability.domain.Availability;
import io.callbook.booking.availability.domain.AvailabilityCache;
import io.callbook.booking.availability.domain.AvailabilityFinder;
import io.callbook.booking.availability.domain.AvailabilityQuery;
import io.callbook.booking.availability.domain.AvailabilityView;
import io.callbook.common.api.ProblemException;
import io.callbook.common.contracts.booking.AvailabilityData;
import io.callbook.common.http.ResponseBodyFilter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * Availability answers kept ready to send, in this replica's memory. Voice agents ask the same branch, service and
 * day again and again, and reading a day from Redis, assembling it and serialising it (about 20 KB of JSON for 20
 * staff) cost ten times the rest of the request. A kept answer is sent only while the cache stamp of its dates is
 * unchanged — one MGET answered on the event loop, so an invalidation reaches every replica at once, exactly as for
 * the Redis level — and only until "now" would change it ({@link Availability#validUntil()}). Everything else, and
 * every request while Redis cannot tell the stamp, is computed on a worker thread as before.
 */
@ApplicationScoped
public class AvailabilityAnswers {

    private final AvailabilityFinder availability;
    private final AvailabilityCache cache;
    private final ObjectMapper json;
    private final Cache<Key, Answer> ready;
    private final Counter hits;

    public AvailabilityAnswers(AvailabilityFinder availability, AvailabilityCache cache, ObjectMapper json,
                               BookingConfig config, MeterRegistry metrics) {
        this.availability = availability;
        this.cache = cache;
        this.json = json;
        this.ready = Caffeine.newBuilder()
                .maximumWeight(config.availabilityAnswerCacheBytes())
                .weigher((Key key, Answer answer) -> answer.body().length + 200)
                .expireAfterWrite(config.availabilityAnswerMaxAge())
                .build();
        // The meter common's caches use, so dashboards treat every cache alike.
        this.hits = Counter.builder("callbook.cache.lookups").tag("cache", "availability-answers").tag("level", "local")
                .tag("result", "hit").register(metrics);
    }

    /** An answer as JSON with its ETag. */
    public record Answer(UUID companyId, List<LocalDate> branchDates, String stamp, Instant validUntil, byte[] body,
                         String etag) {
    }

    /** @param withStaff whether each slot lists the staff who can take it; both answers share the cached days */
    private record Key(UUID branchId, AvailabilityQuery query, boolean withStaff) {
    }

    /**
     * @param withStaff false leaves each slot's staff out of the answer
     * @param visible   the companies the caller may see; a branch of another one answers 404
     * @throws ProblemException as {@link AvailabilityFinder#find}
     */
    public CompletionStage<Answer> answer(UUID branchId, AvailabilityQuery query, boolean withStaff,
                                          Predicate<UUID> visible) {
        Key key = new Key(branchId, query, withStaff);
        Answer kept = ready.getIfPresent(key);
        if (kept == null || !Instant.now().isBefore(kept.validUntil())) {
            return compute(key, visible);
        }
        if (!visible.test(kept.companyId())) {
            throw ProblemException.notFound("Branch " + branchId);
        }
        return cache.currentStamp(kept.companyId(), branchId, kept.branchDates()).thenCompose(stamp -> {
            if (stamp.isPresent() && stamp.get().equals(kept.stamp())) {
                hits.increment();
                return CompletableFuture.completedFuture(kept);
            }
            return compute(key, visible);
        });
    }

    private CompletionStage<Answer> compute(Key key, Predicate<UUID> visible) {
        return CompletableFuture.supplyAsync(() -> {
            Availability found = availability.find(key.branchId(), key.query(), visible);
            byte[] body = serialise(found, key.withStaff());
            Answer answer = new Answer(found.companyId(), found.branchDates(), found.stamp(), found.validUntil(), body,
                    ResponseBodyFilter.strongEtag(body));
            if (found.stamp() != null) {
                ready.put(key, answer);
            }
            return answer;
        }, Infrastructure.getDefaultWorkerPool());
    }

    private byte[] serialise(Availability found, boolean withStaff) {
        try {
            return json.writeValueAsBytes(contract(found, withStaff));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Availability is always serialisable", e);
        }
    }

    private static AvailabilityData contract(Availability availability, boolean withStaff) {
        return new AvailabilityData(availability.branchId(), availability.serviceId(), availability.zone().getId(),
                availability.days().stream().map(day -> day(day, withStaff)).toList());
    }

    private static AvailabilityData.Day day(AvailabilityView.ZonedDay day, boolean withStaff) {
        return new AvailabilityData.Day(day.date(), day.slots().stream()
                .map(slot -> new AvailabilityData.Slot(slot.start(), slot.end(), withStaff ? slot.staffIds() : null))
                .toList());
    }
}
