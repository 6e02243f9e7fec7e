package io.callbook.booking.catalog.domain;

import io.callbook.booking.branch.domain.BranchReplica;
import io.callbook.booking.branch.domain.SlotsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The services a company sells. Removing one keeps its row, so past appointments still name it. */
@ApplicationScoped
public class ServiceCatalog {

    private final Event<SlotsChanged> slotsChanged;

    public ServiceCatalog(Event<SlotsChanged> slotsChanged) {
        this.slotsChanged = slotsChanged;
    }

    @Transactional
    public BookableService create(UUID companyId, ServiceSpec spec) {
        BookableService service = new BookableService();
        service.companyId = companyId;
        apply(service, spec);
        service.persist();
        return service;
    }

    public BookableService get(UUID companyId, UUID serviceId) {
        return BookableService.<BookableService>find("id = ?1 and companyId = ?2 and deletedAt is null", serviceId, companyId)
                .firstResultOptional()
                .orElseThrow(() -> new ServiceNotFound(serviceId));
    }

    public List<BookableService> list(UUID companyId, UUID after, int limit) {
        return after == null
                ? BookableService.<BookableService>find("companyId = ?1 and deletedAt is null order by id", companyId)
                        .page(0, limit + 1).list()
                : BookableService.<BookableService>find("companyId = ?1 and deletedAt is null and id > ?2 order by id",
                        companyId, after).page(0, limit + 1).list();
    }

    /** Changes apply to new bookings; existing appointments keep the times they were booked with. */
    @Transactional
    public BookableService update(UUID companyId, UUID serviceId, ServiceSpec spec) {
        BookableService service = get(companyId, serviceId);
        apply(service, spec);
        slotsChangedEverywhere(companyId);
        return service;
    }

    @Transactional
    public void delete(UUID companyId, UUID serviceId) {
        BookableService service = get(companyId, serviceId);
        service.deletedAt = Instant.now();
        service.active = false;
        slotsChangedEverywhere(companyId);
    }

    // Cached days are keyed by the service's version already; answers kept ready by every replica are not, and they
    // learn of a change only through the branches' cache stamps.
    private void slotsChangedEverywhere(UUID companyId) {
        BranchReplica.<BranchReplica>list("companyId", companyId)
                .forEach(branch -> slotsChanged.fire(SlotsChanged.wholeBranch(companyId, branch.id)));
    }

    private static void apply(BookableService service, ServiceSpec spec) {
        service.name = spec.name().strip();
        service.durationMinutes = spec.durationMinutes();
        service.slotIntervalMinutes = spec.slotIntervalMinutes() == null ? spec.durationMinutes() : spec.slotIntervalMinutes();
        service.bufferBeforeMinutes = spec.bufferBeforeMinutes() == null ? 0 : spec.bufferBeforeMinutes();
        service.bufferAfterMinutes = spec.bufferAfterMinutes() == null ? 0 : spec.bufferAfterMinutes();
        service.minNoticeMinutes = spec.minNoticeMinutes() == null ? 0 : spec.minNoticeMinutes();
        service.bookingWindowDays = spec.bookingWindowDays() == null ? 60 : spec.bookingWindowDays();
        service.priceCents = spec.priceCents();
        service.currency = spec.currency() == null ? null : spec.currency().toUpperCase(Locale.ROOT);
        if ((service.priceCents == null) != (service.currency == null)) {
            throw new PriceWithoutCurrency();
        }
        service.active = spec.active() == null || spec.active();
    }

    /** What a client may set on a service; nulls take the defaults. */
    public record ServiceSpec(String name, int durationMinutes, Integer slotIntervalMinutes, Integer bufferBeforeMinutes,
                              Integer bufferAfterMinutes, Integer minNoticeMinutes, Integer bookingWindowDays,
                              Long priceCents, String currency, Boolean active) {
    }
}
