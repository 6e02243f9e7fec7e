package io.callbook.booking.availability.domain;

import io.callbook.booking.schedule.domain.SlotCalculator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Computed days of availability shared by every replica. Reads and writes never fail: without the cache a day is
 * simply computed again. Invalidation does report failure, so an event consumer can retry it.
 */
public interface AvailabilityCache {

    /**
     * Whose days. Besides tenant, branch and service, keys carry the service's version and the branch's zone, so
     * a changed duration or buffer, or a branch moved to another zone, never reads days computed before.
     */
    record Scope(UUID companyId, UUID branchId, UUID serviceId, long serviceVersion, ZoneId zone) {
    }

    /**
     * The days found, and for the others the version under which a computed value must be written. The versions
     * are read before the database is, so a day invalidated while it was being computed lands under an old
     * version that no one reads again.
     */
    record Lookup(Map<LocalDate, SlotCalculator.Day> hits, Map<LocalDate, String> versions) {

        public static Lookup unavailable() {
            return new Lookup(Map.of(), Map.of());
        }

        /** The versions of these dates as one value, as {@link #currentStamp} tells them later; null when unknown. */
        public String stamp(List<LocalDate> dates) {
            StringBuilder stamp = new StringBuilder();
            for (LocalDate date : dates) {
                String version = versions.get(date);
                if (version == null) {
                    return null;
                }
                stamp.append(stamp.isEmpty() ? "" : ",").append(version);
            }
            return stamp.toString();
        }
    }

    Lookup read(Scope scope, List<LocalDate> dates);

    /**
     * The stamp ({@link Lookup#stamp}) the branch's dates have now: equal to an earlier one exactly when nothing
     * cached for them was invalidated since. Never waits on a thread (one round trip, answered on the caller's
     * event loop); empty when the cache cannot tell.
     */
    CompletionStage<Optional<String>> currentStamp(UUID companyId, UUID branchId, List<LocalDate> dates);

    /** Stores computed days under the versions of {@code lookup}; days without a version are not stored. */
    void write(Scope scope, Lookup lookup, List<SlotCalculator.Day> days, Instant now);

    /** Makes these dates of the branch (in its zone) be computed again, for every service. */
    void invalidate(UUID companyId, UUID branchId, Collection<LocalDate> dates);

    /** Makes every date of the branch be computed again. */
    void invalidateBranch(UUID companyId, UUID branchId);
}
