package io.callbook.booking.domain;

import io.callbook.common.api.Ids;
import io.callbook.common.api.ProblemException;
import io.callbook.common.phone.PhoneNumberNormalizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Customers are found and merged by their E.164 phone number, unique per company. */
@ApplicationScoped
public class CustomerService {

    private final PhoneNumberNormalizer numbers;
    private final EntityManager entityManager;

    public CustomerService(PhoneNumberNormalizer numbers, EntityManager entityManager) {
        this.numbers = numbers;
        this.entityManager = entityManager;
    }

    /**
     * Creates the customer or updates the name and email of the one with this phone number. Safe under concurrency:
     * the insert does nothing when another request created the same customer a moment earlier.
     *
     * @param region the region national numbers are read in, e.g. the branch's
     */
    @Transactional
    public Customer upsertByPhone(UUID companyId, String phone, String region, String name, String email) {
        return get(companyId, upsertByE164(companyId, numbers.normalize(phone, region).e164(), name, email));
    }

    /**
     * {@link #upsertByPhone} in one statement, for a booking that only needs the id: a name or email given replaces
     * the stored one; an email another customer of the company has is refused (409).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID upsertByE164(UUID companyId, String e164, String name, String email) {
        try {
            List<?> changed = entityManager.createNativeQuery("""
                            insert into customers (id, company_id, phone_e164, email, name, created_at, updated_at, version)
                            values (:id, :company, :phone, :email, :name, now(), now(), 0)
                            on conflict (company_id, phone_e164) do update set
                                name = coalesce(excluded.name, customers.name),
                                email = coalesce(excluded.email, customers.email),
                                updated_at = now(), version = customers.version + 1
                            where excluded.name is not null and excluded.name is distinct from customers.name
                               or excluded.email is not null and excluded.email is distinct from customers.email
                            returning id""")
                    .setParameter("id", Ids.newId())
                    .setParameter("company", companyId)
                    .setParameter("phone", e164)
                    .setParameter("email", email(email))
                    .setParameter("name", name == null || name.isBlank() ? null : name.strip())
                    .getResultList();
            // Nothing to change: the statement returns no row for an existing customer.
            return changed.isEmpty() ? byPhoneE164(companyId, e164).orElseThrow().id : (UUID) changed.get(0);
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw ProblemException.conflict("Another customer of this company already uses the email " + email(email));
            }
            throw e;
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    public Customer get(UUID companyId, UUID customerId) {
        return Customer.<Customer>find("id = ?1 and companyId = ?2", customerId, companyId)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Customer " + customerId));
    }

    public Optional<Customer> byPhone(UUID companyId, String phone, String region) {
        return byPhoneE164(companyId, numbers.normalize(phone, region).e164());
    }

    public Optional<Customer> byEmail(UUID companyId, String email) {
        return Customer.<Customer>find("companyId = ?1 and lower(email) = ?2", companyId, email(email)).firstResultOptional();
    }

    public List<Customer> list(UUID companyId, UUID after, int limit) {
        return after == null
                ? Customer.<Customer>find("companyId = ?1 order by id", companyId).page(0, limit + 1).list()
                : Customer.<Customer>find("companyId = ?1 and id > ?2 order by id", companyId, after).page(0, limit + 1).list();
    }

    @Transactional
    public Customer update(UUID companyId, UUID customerId, String name, String email) {
        Customer customer = get(companyId, customerId);
        if (name != null) {
            customer.name = name.strip();
        }
        if (email != null) {
            String normalized = email(email);
            requireEmailFree(companyId, normalized, customer.id);
            customer.email = normalized;
        }
        return customer;
    }

    private Optional<Customer> byPhoneE164(UUID companyId, String e164) {
        return Customer.<Customer>find("companyId = ?1 and phoneE164 = ?2", companyId, e164).firstResultOptional();
    }

    private void requireEmailFree(UUID companyId, String email, UUID self) {
        byEmail(companyId, email).filter(other -> !other.id.equals(self)).ifPresent(other -> {
            throw ProblemException.conflict("Another customer of this company already uses the email " + email);
        });
    }

    private static String email(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
