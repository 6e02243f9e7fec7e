package io.callbook.booking.customer.domain;

import io.callbook.booking.BookingConfig;
import io.callbook.common.api.BatchItems;
import io.callbook.common.api.Ids;
import io.callbook.common.persistence.UniqueViolations;
import io.callbook.common.phone.InvalidPhoneNumberException;
import io.callbook.common.phone.PhoneNumberNormalizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/** Customers are found and merged by their E.164 phone number, unique per company. */
@ApplicationScoped
public class Customers {

    private final PhoneNumberNormalizer numbers;
    private final EntityManager entityManager;

    public Customers(PhoneNumberNormalizer numbers, EntityManager entityManager) {
        this.numbers = numbers;
        this.entityManager = entityManager;
    }

    /**
     * A customer of an import batch.
     *
     * @param region the region national numbers are read in
     */
    public record NewCustomer(String phone, String region, String name, String email) {
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
     * the stored one; an email another customer of the company has is refused with {@link EmailTaken}.
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
                throw new EmailTaken(email(email));
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

    /**
     * All or nothing, and create only: unlike {@link #upsertByPhone}, an import never changes a customer who exists
     * (found by phone, or by email), so a repeated or mixed-up file cannot quietly overwrite names and emails.
     *
     * @param items the batch, its size checked already against {@link BookingConfig#maxImportBatchSize()}; items the
     *              API ruled out are left out of the checks here
     * @throws CustomerBatchInvalid  if any item is invalid (a number that is none, a phone or email given twice), or
     *                               the API ruled one out
     * @throws CustomerBatchConflict naming the items whose phone or email another customer of the company has
     */
    @Transactional
    public List<Customer> importBatch(UUID companyId, BatchItems<NewCustomer> items) {
        String[] phones = new String[items.size()];
        Map<String, Integer> itemOfPhone = new HashMap<>();
        Map<String, Integer> itemOfEmail = new HashMap<>();
        SortedMap<Integer, RuntimeException> failures = new TreeMap<>();
        for (int i : items.validIndexes()) {
            NewCustomer item = items.get(i);
            try {
                phones[i] = numbers.normalize(item.phone(), item.region()).e164();
            } catch (InvalidPhoneNumberException e) {
                failures.put(i, e);
                continue;
            }
            Integer earlier = itemOfPhone.putIfAbsent(phones[i], i);
            if (earlier != null) {
                failures.put(i, new DuplicatePhone(phones[i], earlier));
                continue;
            }
            String email = email(item.email());
            earlier = email == null ? null : itemOfEmail.putIfAbsent(email, i);
            if (earlier != null) {
                failures.put(i, new DuplicateEmail(email, earlier));
            }
        }
        if (!failures.isEmpty() || items.validIndexes().size() < items.size()) {
            throw new CustomerBatchInvalid(failures);
        }
        requireNew(companyId, itemOfPhone, itemOfEmail);

        List<Customer> created = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            NewCustomer item = items.get(i);
            Customer customer = new Customer();
            customer.companyId = companyId;
            customer.phoneE164 = phones[i];
            customer.name = item.name() == null || item.name().isBlank() ? null : item.name().strip();
            customer.email = email(item.email());
            customer.persist();
            created.add(customer);
        }
        flushImport(itemOfPhone, itemOfEmail);
        return created;
    }

    public Customer get(UUID companyId, UUID customerId) {
        return Customer.<Customer>find("id = ?1 and companyId = ?2", customerId, companyId)
                .firstResultOptional()
                .orElseThrow(() -> new CustomerNotFound(customerId));
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

    /** Two queries for the whole batch; every item whose phone or email is taken is named. */
    private static void requireNew(UUID companyId, Map<String, Integer> itemOfPhone, Map<String, Integer> itemOfEmail) {
        SortedMap<Integer, RuntimeException> taken = new TreeMap<>();
        Customer.<Customer>find("companyId = ?1 and phoneE164 in ?2", companyId, itemOfPhone.keySet()).list()
                .forEach(existing -> taken.put(itemOfPhone.get(existing.phoneE164),
                        new CustomerExists(existing.id, existing.phoneE164)));
        if (!itemOfEmail.isEmpty()) {
            Customer.<Customer>find("companyId = ?1 and lower(email) in ?2", companyId, itemOfEmail.keySet()).list()
                    .forEach(existing -> taken.putIfAbsent(itemOfEmail.get(existing.email.toLowerCase(Locale.ROOT)),
                            new EmailTaken(existing.email, existing.id)));
        }
        if (!taken.isEmpty()) {
            throw new CustomerBatchConflict(taken);
        }
    }

    /** A concurrent request may create one of these customers between the check and the insert. */
    private static void flushImport(Map<String, Integer> itemOfPhone, Map<String, Integer> itemOfEmail) {
        try {
            Customer.flush();
        } catch (PersistenceException e) {
            // The key reads "<company id>, <phone or email>".
            Optional<String> value = UniqueViolations.collidingKey(e).map(key -> key.substring(key.lastIndexOf(", ") + 2));
            Integer item = value.map(v -> itemOfPhone.getOrDefault(v, itemOfEmail.get(v))).orElseThrow(() -> e);
            throw new CustomerBatchConflict(new TreeMap<>(Map.of(item, new CustomerExists(null, value.get()))));
        }
    }

    private Optional<Customer> byPhoneE164(UUID companyId, String e164) {
        return Customer.<Customer>find("companyId = ?1 and phoneE164 = ?2", companyId, e164).firstResultOptional();
    }

    private void requireEmailFree(UUID companyId, String email, UUID self) {
        byEmail(companyId, email).filter(other -> !other.id.equals(self)).ifPresent(other -> {
            throw new EmailTaken(email);
        });
    }

    private static String email(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
