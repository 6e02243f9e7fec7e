package io.callbook.booking.availability.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.booking.BookingConfig;
import io.callbook.booking.availability.domain.AvailabilityCache;
import io.callbook.booking.schedule.domain.SlotCalculator;
import io.callbook.common.cache.OutageLog;
import io.callbook.common.cache.RedisCacheStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Availability days in Redis only (no in-process level, so an invalidation is seen by every replica at once).
 *
 * <p>Invalidation never deletes: it bumps a version counter, per branch and per branch date, and values live
 * under keys that carry both versions. A read fetches the versions and the values in one script; a computed day
 * is written under the versions read <em>before</em> the database was, so a day computed from data that a
 * concurrent write made stale lands under a version no one reads any more. No lock, no window.
 * <pre>
 * avail:{company:branch}:v                 branch version (whole-branch changes: hours, staff, time off)
 * avail:{company:branch}:v:2026-12-01      version of one date of the branch's zone (bookings)
 * avail:{company:branch}:s:&lt;service&gt;:&lt;service version&gt;:&lt;zone&gt;:2026-12-01:&lt;branch v&gt;.&lt;date v&gt;   the day
 * </pre>
 * The hash tag keeps one branch's keys in one cluster slot, so the scripts may build value keys themselves.
 * Counters start at the current time in milliseconds rather than 1, so a counter that expired and starts again
 * cannot return to a version whose value still exists. A read creates the branch counter when it is missing, so a
 * restarted (emptied) Redis gives every branch a new version, which answers kept in replicas' memory never match.
 */
@ApplicationScoped
public class RedisAvailabilityCache implements AvailabilityCache {

    private static final Logger LOG = Logger.getLogger(RedisAvailabilityCache.class);
    private static final String CACHE_NAME = "availability";
    private static final Duration READ_TIMEOUT = Duration.ofMillis(150);
    private static final Duration WRITE_TIMEOUT = Duration.ofMillis(500);
    /** A day must have expired long before its counter does; see the class comment. */
    private static final Duration MIN_COUNTER_LIFETIME = Duration.ofDays(1);
    private static final Duration MIN_DAY_TTL = Duration.ofSeconds(1);

    // KEYS[1] branch version, KEYS[2..] date versions; ARGV[1] value key prefix, ARGV[2..#KEYS] the dates, then the
    // first value and the lifetime of a branch counter that does not exist yet (see the class comment).
    // Returns the branch version, then per date its version and its value (nil when absent).
    private static final String READ = """
            local b = redis.call('GET', KEYS[1])
            if not b then
              b = ARGV[#KEYS + 1]
              redis.call('SET', KEYS[1], b, 'PX', ARGV[#KEYS + 2])
            end
            local out = {b}
            for i = 2, #KEYS do
              local d = redis.call('GET', KEYS[i]) or '0'
              out[#out + 1] = d
              out[#out + 1] = redis.call('GET', ARGV[1] .. ARGV[i] .. ':' .. b .. '.' .. d)
            end
            return out""";

    // KEYS value keys; ARGV pairs of (ttl ms, value).
    private static final String WRITE = """
            for i = 1, #KEYS do
              redis.call('SET', KEYS[i], ARGV[2 * i], 'PX', ARGV[2 * i - 1])
            end
            return #KEYS""";

    // KEYS version counters; ARGV[1] their lifetime in ms, ARGV[2] the first value of a new counter.
    private static final String BUMP = """
            for i = 1, #KEYS do
              if redis.call('EXISTS', KEYS[i]) == 1 then
                redis.call('INCR', KEYS[i])
              else
                redis.call('SET', KEYS[i], ARGV[2])
              end
              redis.call('PEXPIRE', KEYS[i], ARGV[1])
            end
            return #KEYS""";

    private final AvailabilityRedis redis;
    private final RedisCacheStore store;
    private final ObjectMapper json;
    private final Duration ttl;
    private final Duration counterLifetime;
    private final Counter hits;
    private final Counter misses;
    private final Counter errors;
    private final OutageLog outageLog = new OutageLog(RedisAvailabilityCache.class);

    public RedisAvailabilityCache(AvailabilityRedis redis, RedisCacheStore store, ObjectMapper json, BookingConfig config, MeterRegistry metrics) {
        this.redis = redis;
        this.store = store;
        this.json = json;
        this.ttl = config.availabilityTtl();
        Duration tenTtls = config.availabilityTtl().multipliedBy(10);
        this.counterLifetime = tenTtls.compareTo(MIN_COUNTER_LIFETIME) > 0 ? tenTtls : MIN_COUNTER_LIFETIME;
        // The same meters as common's TwoLevelCache, so dashboards treat every cache alike.
        this.hits = Counter.builder("callbook.cache.lookups").tag("cache", CACHE_NAME).tag("level", "redis")
                .tag("result", "hit").register(metrics);
        this.misses = Counter.builder("callbook.cache.lookups").tag("cache", CACHE_NAME).tag("level", "source")
                .tag("result", "miss").register(metrics);
        this.errors = Counter.builder("callbook.cache.redis.errors").tag("cache", CACHE_NAME).register(metrics);
    }

    @Override
    public Lookup read(Scope scope, List<LocalDate> dates) {
        if (dates.isEmpty()) {
            return Lookup.unavailable();
        }
        List<String> keys = new ArrayList<>(dates.size() + 1);
        List<String> args = new ArrayList<>(dates.size() + 1);
        keys.add(branchVersionKey(scope.companyId(), scope.branchId()));
        args.add(valuePrefix(scope));
        for (LocalDate date : dates) {
            keys.add(dateVersionKey(scope.companyId(), scope.branchId(), date));
            args.add(date.toString());
        }
        args.add(Long.toString(System.currentTimeMillis()));
        args.add(Long.toString(counterLifetime.toMillis()));
        Response reply;
        try {
            reply = store.eval(READ, keys, args, READ_TIMEOUT);
        } catch (RuntimeException e) {
            trouble(e);
            misses.increment(dates.size());
            return Lookup.unavailable();
        }
        String branchVersion = reply.get(0).toString();
        Map<LocalDate, SlotCalculator.Day> found = new HashMap<>();
        Map<LocalDate, String> versions = new HashMap<>();
        for (int i = 0; i < dates.size(); i++) {
            LocalDate date = dates.get(i);
            versions.put(date, branchVersion + "." + reply.get(1 + 2 * i).toString());
            Response value = reply.get(2 + 2 * i);
            SlotCalculator.Day day = value == null ? null : decode(date, value.toString());
            if (day != null) {
                found.put(date, day);
            }
        }
        hits.increment(found.size());
        misses.increment(dates.size() - found.size());
        return new Lookup(found, versions);
    }

    @Override
    public CompletionStage<Optional<String>> currentStamp(UUID companyId, UUID branchId, List<LocalDate> dates) {
        List<String> keys = new ArrayList<>(dates.size() + 1);
        keys.add(branchVersionKey(companyId, branchId));
        dates.forEach(date -> keys.add(dateVersionKey(companyId, branchId, date)));
        return redis.mget(keys, READ_TIMEOUT).handle((reply, failure) -> {
            if (failure != null) {
                trouble(failure);
                return Optional.empty();
            }
            if (reply.get(0) == null) {
                // Never read since Redis started (or long unused): an answer kept from before cannot be trusted.
                return Optional.empty();
            }
            String branchVersion = reply.get(0).toString();
            StringBuilder stamp = new StringBuilder();
            for (int i = 1; i < reply.size(); i++) {
                stamp.append(i == 1 ? "" : ",").append(branchVersion).append('.').append(orZero(reply.get(i)));
            }
            return Optional.of(stamp.toString());
        });
    }

    private static String orZero(io.vertx.redis.client.Response value) {
        return value == null ? "0" : value.toString();
    }

    @Override
    public void write(Scope scope, Lookup lookup, List<SlotCalculator.Day> days, Instant now) {
        List<String> keys = new ArrayList<>(days.size());
        List<String> args = new ArrayList<>(days.size() * 2);
        for (SlotCalculator.Day day : days) {
            String version = lookup.versions().get(day.date());
            Duration dayTtl = day.validUntil() == null ? ttl : min(ttl, Duration.between(now, day.validUntil()));
            if (version == null || dayTtl.compareTo(MIN_DAY_TTL) < 0) {
                continue;
            }
            keys.add(valuePrefix(scope) + day.date() + ":" + version);
            args.add(Long.toString(dayTtl.toMillis()));
            args.add(encode(day));
        }
        if (keys.isEmpty()) {
            return;
        }
        try {
            store.eval(WRITE, keys, args, WRITE_TIMEOUT);
        } catch (RuntimeException e) {
            trouble(e);
        }
    }

    @Override
    public void invalidate(UUID companyId, UUID branchId, Collection<LocalDate> dates) {
        if (!dates.isEmpty()) {
            bump(dates.stream().map(date -> dateVersionKey(companyId, branchId, date)).toList());
        }
    }

    @Override
    public void invalidateBranch(UUID companyId, UUID branchId) {
        bump(List.of(branchVersionKey(companyId, branchId)));
    }

    private void bump(List<String> keys) {
        try {
            store.eval(BUMP, keys, List.of(Long.toString(counterLifetime.toMillis()),
                    Long.toString(System.currentTimeMillis())), WRITE_TIMEOUT);
        } catch (RuntimeException e) {
            errors.increment();
            throw e;
        }
    }

    /** {@code {"staff":[ids],"slots":[[epoch second, staff index, ...], ...]}}: every id once, not once per slot. */
    String encode(SlotCalculator.Day day) {
        List<UUID> staff = new ArrayList<>();
        Map<UUID, Integer> index = new HashMap<>();
        List<long[]> slots = new ArrayList<>(day.slots().size());
        for (SlotCalculator.Slot slot : day.slots()) {
            long[] row = new long[slot.staffIds().size() + 1];
            row[0] = slot.start().getEpochSecond();
            for (int i = 0; i < slot.staffIds().size(); i++) {
                row[i + 1] = index.computeIfAbsent(slot.staffIds().get(i), id -> {
                    staff.add(id);
                    return staff.size() - 1;
                });
            }
            slots.add(row);
        }
        try {
            return json.writeValueAsString(new CachedDay(staff, slots));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A day of slots is always serialisable", e);
        }
    }

    /** Null for a value this version cannot read, e.g. written by an older release: it is computed again. */
    SlotCalculator.Day decode(LocalDate date, String value) {
        try {
            CachedDay cached = json.readValue(value, CachedDay.class);
            List<SlotCalculator.Slot> slots = new ArrayList<>(cached.slots().size());
            for (long[] row : cached.slots()) {
                List<UUID> staff = new ArrayList<>(row.length - 1);
                for (int i = 1; i < row.length; i++) {
                    staff.add(cached.staff().get((int) row[i]));
                }
                slots.add(new SlotCalculator.Slot(Instant.ofEpochSecond(row[0]), List.copyOf(staff)));
            }
            return new SlotCalculator.Day(date, List.copyOf(slots), null);
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.debugf("Unreadable cached availability for %s: %s", date, e.toString());
            return null;
        }
    }

    private static String branchVersionKey(UUID companyId, UUID branchId) {
        return "avail:{" + companyId + ":" + branchId + "}:v";
    }

    private static String dateVersionKey(UUID companyId, UUID branchId, LocalDate date) {
        return branchVersionKey(companyId, branchId) + ":" + date;
    }

    private static String valuePrefix(Scope scope) {
        return "avail:{" + scope.companyId() + ":" + scope.branchId() + "}:s:" + scope.serviceId() + ":"
                + scope.serviceVersion() + ":" + scope.zone().getId() + ":";
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void trouble(Throwable e) {
        errors.increment();
        outageLog.warn("Availability is served without Redis: %s", e.toString());
    }

    @RegisterForReflection
    public record CachedDay(List<UUID> staff, List<long[]> slots) {
    }
}
