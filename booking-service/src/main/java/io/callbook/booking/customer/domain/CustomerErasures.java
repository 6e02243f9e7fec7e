package io.callbook.booking.customer.domain;

import io.callbook.common.api.Ids;
import io.callbook.common.audit.AuditActions;
import io.callbook.common.audit.AuditLog;
import io.callbook.common.contracts.booking.BookingEvents;
import io.callbook.common.contracts.booking.CustomerErasureEvents;
import io.callbook.common.contracts.booking.CustomerErasureEvents.CustomerErased;
import io.callbook.common.contracts.webhook.CustomerErasureReports.ErasureCompleted;
import io.callbook.common.events.ProcessedEvents;
import io.callbook.common.outbox.Outbox;
import io.callbook.common.phone.PhoneNumberNormalizer;
import io.callbook.common.security.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Erases a customer's personal data (GDPR Art. 17). The customer row is deleted; the customer's appointments stay for
 * the business's records (time, service, staff, status) but lose the link to the customer and their free texts (notes,
 * cancellation reason), which may hold names or health details. Other services erase their part when they read the
 * {@link CustomerErased} event published in the same transaction; webhook-service reports back with its counts.
 * Erasing a customer twice answers the first erasure's report and changes nothing.
 */
@ApplicationScoped
public class CustomerErasures {

    private static final String REPORTS_CONSUMER = "booking-erasure-reports";

    private final PhoneNumberNormalizer numbers;
    private final EntityManager entityManager;
    private final Outbox outbox;
    private final ProcessedEvents processedEvents;
    private final AuditLog auditLog;

    public CustomerErasures(PhoneNumberNormalizer numbers, EntityManager entityManager, Outbox outbox,
                            ProcessedEvents processedEvents, AuditLog auditLog) {
        this.auditLog = auditLog;
        this.processedEvents = processedEvents;
        this.numbers = numbers;
        this.entityManager = entityManager;
        this.outbox = outbox;
    }

    /** @param created false when the customer had been erased before: the report is that erasure's */
    public record Erasure(CustomerErasure report, boolean created) {
    }

    /** @throws CustomerNotFound if the company has no such customer and never erased one with this id */
    @Transactional
    public Erasure eraseCustomer(UUID companyId, UUID customerId, String requestedBy) {
        Optional<CustomerErasure> earlier = ofCustomer(companyId, customerId);
        if (earlier.isPresent()) {
            return new Erasure(earlier.get(), false);
        }
        Optional<String> phone = lockedPhone(companyId, customerId);
        if (phone.isEmpty()) {
            // A concurrent erasure of the same customer may have committed while this one waited for the row.
            return ofCustomer(companyId, customerId).map(done -> new Erasure(done, false))
                    .orElseThrow(() -> new CustomerNotFound(customerId));
        }
        return new Erasure(erase(companyId, customerId, phone.get(), requestedBy), true);
    }

    /**
     * Erases the customer with this number, if there is one, and in every case what other services hold about the
     * number (a caller may have called without ever booking). Each request is an erasure of its own.
     *
     * @param region the region a national number is read in
     */
    @Transactional
    public Erasure erasePhone(UUID companyId, String phone, String region, String requestedBy) {
        String e164 = numbers.normalize(phone, region).e164();
        List<?> customer = entityManager.createNativeQuery(
                        "select id from customers where company_id = :company and phone_e164 = :phone for update")
                .setParameter("company", companyId)
                .setParameter("phone", e164)
                .getResultList();
        UUID customerId = customer.isEmpty() ? null : (UUID) customer.get(0);
        return new Erasure(erase(companyId, customerId, e164, requestedBy), true);
    }

    public Optional<CustomerErasure> get(UUID companyId, UUID erasureId) {
        return CustomerErasure.<CustomerErasure>find("id = ?1 and companyId = ?2", erasureId, companyId)
                .firstResultOptional();
    }

    /** Notes what webhook-service anonymised, once per event however often it is delivered. */
    @Transactional
    public void webhookCompleted(String eventId, ErasureCompleted done) {
        if (!processedEvents.claim(REPORTS_CONSUMER, eventId)) {
            return;
        }
        entityManager.createNativeQuery("""
                        update customer_erasures set calls_anonymised = :calls, inbound_events_anonymised = :events,
                                                     webhook_completed_at = :at
                        where id = :id and company_id = :company""")
                .setParameter("calls", done.callsAnonymised())
                .setParameter("events", done.inboundEventsAnonymised())
                .setParameter("at", done.completedAt())
                .setParameter("id", done.erasureId())
                .setParameter("company", done.companyId())
                .executeUpdate();
    }

    private Optional<CustomerErasure> ofCustomer(UUID companyId, UUID customerId) {
        return CustomerErasure.<CustomerErasure>find("companyId = ?1 and customerId = ?2", companyId, customerId)
                .firstResultOptional();
    }

    private Optional<String> lockedPhone(UUID companyId, UUID customerId) {
        List<?> phone = entityManager.createNativeQuery(
                        "select phone_e164 from customers where company_id = :company and id = :id for update")
                .setParameter("company", companyId)
                .setParameter("id", customerId)
                .getResultList();
        return phone.stream().map(String.class::cast).findFirst();
    }

    private CustomerErasure erase(UUID companyId, UUID customerId, String e164, String requestedBy) {
        List<UUID> appointmentIds = new ArrayList<>();
        List<String> externalRefs = new ArrayList<>();
        int customersDeleted = 0;
        if (customerId != null) {
            @SuppressWarnings("unchecked")
            List<Object[]> appointments = entityManager.createNativeQuery("""
                            update appointments set customer_id = null, notes = null, cancellation_reason = null,
                                                    updated_at = now(), version = version + 1
                            where company_id = :company and customer_id = :customer
                            returning id, external_ref""")
                    .setParameter("company", companyId)
                    .setParameter("customer", customerId)
                    .getResultList();
            for (Object[] row : appointments) {
                appointmentIds.add((UUID) row[0]);
                if (row[1] != null) {
                    externalRefs.add((String) row[1]);
                }
            }
            customersDeleted = entityManager.createNativeQuery(
                            "delete from customers where company_id = :company and id = :customer")
                    .setParameter("company", companyId)
                    .setParameter("customer", customerId)
                    .executeUpdate();
        }
        CustomerErasure report = new CustomerErasure();
        report.id = Ids.newId();
        report.companyId = companyId;
        report.customerId = customerId;
        report.requestedBy = requestedBy;
        report.requestedAt = Instant.now();
        report.customersDeleted = customersDeleted;
        report.appointmentsAnonymised = appointmentIds.size();
        report.persist();
        auditLog.record(AuditActions.CUSTOMER_ERASED, companyId, requestedBy, "customer-erasure:" + report.id,
                Map.of("customersDeleted", customersDeleted, "appointmentsAnonymised", appointmentIds.size()));
        outbox.publish(BookingEvents.TOPIC, CustomerErasureEvents.CUSTOMER_ERASED, report.id.toString(), companyId,
                new CustomerErased(report.id, companyId, customerId, Hashes.sha256Hex(e164), appointmentIds,
                        externalRefs, report.requestedAt));
        return report;
    }
}
