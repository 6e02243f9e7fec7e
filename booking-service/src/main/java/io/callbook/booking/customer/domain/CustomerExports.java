package io.callbook.booking.customer.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Everything the suite holds about one customer (GDPR Art. 15): the customer record, their appointments, and the calls
 * their number made as webhook-service logged them. Appointments are read here by SQL, since the appointment feature
 * already depends on this one.
 */
@ApplicationScoped
public class CustomerExports {

    private final Customers customers;
    private final CallHistory calls;
    private final EntityManager entityManager;

    public CustomerExports(Customers customers, CallHistory calls, EntityManager entityManager) {
        this.customers = customers;
        this.calls = calls;
        this.entityManager = entityManager;
    }

    public record Export(Customer customer, List<AppointmentRecord> appointments, List<CallHistory.CallRecord> calls) {
    }

    public record AppointmentRecord(UUID id, UUID branchId, UUID serviceId, String serviceName, UUID staffId,
                                    Instant start, Instant end, String status, String source, String notes,
                                    String cancellationReason, Instant createdAt) {
    }

    /**
     * @throws CustomerNotFound       if the company has no such customer
     * @throws CallHistoryUnavailable if webhook-service cannot be asked: an export must be complete or none
     */
    public Export export(UUID companyId, UUID customerId) {
        Customer customer = customers.get(companyId, customerId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select a.id, a.branch_id, a.service_id, s.name, a.staff_id, a.starts_at, a.ends_at, a.status,
                               a.source, a.notes, a.cancellation_reason, a.created_at
                        from appointments a join services s on s.id = a.service_id
                        where a.company_id = :company and a.customer_id = :customer
                        order by a.starts_at, a.id""")
                .setParameter("company", companyId)
                .setParameter("customer", customerId)
                .getResultList();
        List<AppointmentRecord> appointments = rows.stream().map(r -> new AppointmentRecord((UUID) r[0], (UUID) r[1],
                (UUID) r[2], (String) r[3], (UUID) r[4], instant(r[5]), instant(r[6]), (String) r[7], (String) r[8],
                (String) r[9], (String) r[10], instant(r[11]))).toList();
        return new Export(customer, appointments, calls.callsFrom(companyId, customer.phoneE164));
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("Not a time: " + value.getClass());
        };
    }
}
