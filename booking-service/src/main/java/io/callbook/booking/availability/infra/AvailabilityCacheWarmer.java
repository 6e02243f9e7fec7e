package io.callbook.booking.availability.infra;

import io.callbook.booking.availability.domain.AvailabilityWarmUp;
import io.callbook.common.ops.CacheWarmer;
import jakarta.enterprise.context.ApplicationScoped;

/** The availability cache (Redis) in the suite's warm-caches command. */
@ApplicationScoped
public class AvailabilityCacheWarmer implements CacheWarmer {

    private final AvailabilityWarmUp warmUp;

    public AvailabilityCacheWarmer(AvailabilityWarmUp warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public String cache() {
        return "availability";
    }

    @Override
    public int warm() {
        return warmUp.warmComingDays();
    }
}
